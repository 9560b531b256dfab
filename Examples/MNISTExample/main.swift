import MNISTApp

print("MNISTExample: training is not available yet.")
