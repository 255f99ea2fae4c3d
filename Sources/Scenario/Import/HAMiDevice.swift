import Foundation

/// One device of HAMi's pod annotations `hami.io/vgpu-devices-allocated` and
/// `hami.io/vgpu-devices-to-allocate`: `UUID,Type,Usedmem,Usedcores`, devices of one container
/// separated by `:`, containers by `;` (HAMi `pkg/device/devices.go`, `EncodeContainerDevices` /
/// `EncodePodSingleDevice`; e.g. `GPU-0fc3eda5-…,NVIDIA,3000,30:;`).
public struct HAMiDevice: Sendable, Hashable {
    /// The physical GPU's UUID.
    public var uuid: String
    /// Device type (`NVIDIA`).
    public var type: String
    /// Device memory granted, MiB.
    public var memoryMiB: Int
    /// Compute granted, percent of the GPU (0: no core limit).
    public var cores: Int

    /// Decodes an annotation value; nil with a message when an entry is malformed.
    public static func decode(_ text: String) -> Result<[HAMiDevice], K8sQuantityProblem> {
        var out: [HAMiDevice] = []
        for container in text.split(separator: ";", omittingEmptySubsequences: true) {
            for entry in container.split(separator: ":", omittingEmptySubsequences: true) {
                let f = entry.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard f.count >= 4, !f[0].isEmpty else {
                    return .failure(K8sQuantityProblem("device entry '\(entry.prefix(60))' is not UUID,Type,Usedmem,Usedcores"))
                }
                guard let mem = Int(f[2]), (0...1_048_576).contains(mem) else {
                    return .failure(K8sQuantityProblem("device entry '\(entry.prefix(60))': Usedmem '\(f[2])' is not a MiB count"))
                }
                guard let cores = Int(f[3]), (0...100).contains(cores) else {
                    return .failure(K8sQuantityProblem("device entry '\(entry.prefix(60))': Usedcores '\(f[3])' is not a percentage 0…100"))
                }
                out.append(HAMiDevice(uuid: f[0], type: f[1], memoryMiB: mem, cores: cores))
            }
        }
        return .success(out)
    }
}
