import NumSight

print("benchmarks: none yet")
