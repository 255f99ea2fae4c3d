import Foundation
import ResultStore
import Simulator

/// The result store as the node model's ``Simulator/ResponseStore``: responses as binary blobs
/// (``Simulator/NodeResponse/binary``) in the `node_responses` table, keyed by node-model version and
/// state key. A blob that does not decode is skipped (its state is evaluated again).
public struct NodeResponseStore: ResponseStore {
    /// The results database holding the responses.
    public let store: ResultStore

    /// Adapts `store`.
    public init(store: ResultStore) { self.store = store }

    /// The stored responses of node-model `version` (undecodable blobs are skipped).
    public func responses(version: String) throws -> [String: NodeResponse] {
        var out: [String: NodeResponse] = [:]
        for (key, data) in try store.responseBlobs(version: version) {
            if let r = NodeResponse(binary: [UInt8](data)) { out[key] = r }
        }
        return out
    }

    /// Stores `responses` under node-model `version`.
    public func save(_ responses: [String: NodeResponse], version: String) throws {
        var blobs: [String: Data] = [:]
        for (key, r) in responses { blobs[key] = Data(r.binary) }
        try store.saveResponseBlobs(blobs, version: version)
    }

    /// The node-model version stored responses are keyed by: ``Simulator/NodeModel/version`` plus this
    /// executable's size and modification time, so a rebuilt colosim never reads another build's responses.
    public static var modelVersion: String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(NodeModel.version)/\(size)/\(Int64(mtime))"
    }

    /// A response cache backed by `store` (nil: in memory only).
    public static func cache(_ store: ResultStore?) throws -> ResponseCache {
        guard let store else { return ResponseCache(version: modelVersion) }
        return try mappingStoreErrors(field: "--db") {
            try ResponseCache(store: NodeResponseStore(store: store), version: modelVersion)
        }
    }
}
