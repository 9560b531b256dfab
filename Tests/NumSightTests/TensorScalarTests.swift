import Testing
import NumSight

@Test func elementaryFunctionsAgreeAcrossPrecisions() {
    #expect(abs(Float.exp(1) - 2.7182817) < 1e-6)
    #expect(abs(Double.erf(0.5) - 0.5204998778130465) < 1e-15)
}
