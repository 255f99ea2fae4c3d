import ColoModel
import SimEngine
import Testing

@Suite struct DeviceProfileTests {
    @Test func catalogHasTheSixProfilesWithPublishedSMCounts() {
        #expect(DeviceProfile.catalogNames == ["v100-sxm2-16gb", "v100-32gb", "t4", "a100-40gb", "h100", "h200", "p100", "a10"])
        // Whitepaper SM counts: V100 80, T4 40, A100 108, H100/H200 132.
        #expect(DeviceProfile.named("v100-sxm2-16gb")?.sms == 80)
        #expect(DeviceProfile.named("t4")?.sms == 40)
        #expect(DeviceProfile.named("a100-40gb")?.sms == 108)
        #expect(DeviceProfile.named("h200")?.sms == 132)
        #expect(DeviceProfile.named("v100-sxm2-16gb")?.memoryBytes == 16 << 30)
        #expect(DeviceProfile.named("v100-32gb")?.memoryBytes == 32 << 30)
        #expect(DeviceProfile.named("h200")?.nvencEngines == 0)
        #expect(DeviceProfile.named("nope") == nil)
        for p in DeviceProfile.catalog { #expect(p.problems().isEmpty, "\(p.name)") }
    }

    @Test func overrideReplacesOnlyGivenFieldsAndValidationNamesTheKey() {
        var o = DeviceProfileOverride()
        o.timesliceMs = 4
        o.memoryGiB = 8
        let p = DeviceProfile.v100SXM2_16GB.applying(o)
        #expect(p.timeslice == .milliseconds(4))
        #expect(p.memoryBytes == 8 << 30)
        #expect(p.sms == 80)
        o.dramEfficiency = 1.5
        let bad = DeviceProfile.v100SXM2_16GB.applying(o).problems()
        #expect(bad.map(\.field) == ["dram_efficiency"])
    }
}
