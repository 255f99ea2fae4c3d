import Foundation
import Testing
import TestSupport

/// `colosim place` input handling: malformed traces and flags exit 2 naming file, line and column.
@Suite struct PlaceCommandTests {
    static let nodesCSV = """
        sn,cpu_milli,memory_mib,gpu,model
        node-0,32000,131072,2,T4
        node-1,32000,131072,4,V100M32

        """
    static let podsCSV = """
        name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
        pod-0,4000,8192,1,500,,LS,Running,0,100,0
        pod-1,8000,16384,1,1000,V100M32,BE,Running,5,,
        pod-2,2000,4096,0,0,,BE,Running,9,20,9
        pod-3,16000,32768,2,1000,,LS,Running,12,40,12

        """

    func write(_ text: String, _ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("colosim-place-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func place(nodes: String = nodesCSV, pods: String, _ extra: [String] = []) throws -> ColosimResult {
        try runColosim(["place", "--nodes", try write(nodes, "nodes.csv"), "--pods", try write(pods, "pods.csv")] + extra)
    }

    @Test func missingColumnNamesFileLineAndColumn() throws {
        let r = try place(pods: "name,cpu_milli,num_gpu,gpu_milli\np,1000,0,0\n")
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("pods.csv:1:"))
        #expect(r.stderr.contains("memory_mib"))
    }

    @Test func badNumberNamesFileLineAndColumn() throws {
        let bad = Self.podsCSV.replacingOccurrences(of: "pod-1,8000,", with: "pod-1,8k,")
        let r = try place(pods: bad)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("pods.csv:3:"))
        #expect(r.stderr.contains("cpu_milli"))
        #expect(r.stderr.contains("8k"))
    }

    @Test func negativeValuesAndTimesAreRejected() throws {
        let negMem = Self.podsCSV.replacingOccurrences(of: "pod-2,2000,4096", with: "pod-2,2000,-4096")
        let r1 = try place(pods: negMem)
        #expect(r1.exitCode == 2)
        #expect(r1.stderr.contains("pods.csv:4:") && r1.stderr.contains("memory_mib"))
        let negTime = Self.podsCSV.replacingOccurrences(of: "LS,Running,12,40,12", with: "LS,Running,-12,40,12")
        let r2 = try place(pods: negTime)
        #expect(r2.exitCode == 2)
        #expect(r2.stderr.contains("pods.csv:5:") && r2.stderr.contains("creation_time"))
        let negGPU = Self.nodesCSV.replacingOccurrences(of: "node-1,32000,131072,4", with: "node-1,32000,131072,-4")
        let r3 = try place(nodes: negGPU, pods: Self.podsCSV)
        #expect(r3.exitCode == 2)
        #expect(r3.stderr.contains("nodes.csv:3:") && r3.stderr.contains("gpu"))
    }

    @Test func badFlagsExit2() throws {
        #expect(try place(pods: Self.podsCSV, ["--policy", "tetris"]).exitCode == 2)
        #expect(try place(pods: Self.podsCSV, ["--seeds", "5-1"]).exitCode == 2)
        #expect(try place(pods: Self.podsCSV, ["--arrive", "0"]).exitCode == 2)
    }

    @Test func jsonHasTheContractKeysAndIsDeterministic() throws {
        let args = ["--policy", "all", "--seeds", "1,2,5", "--json"]
        let a = try place(pods: Self.podsCSV, args)
        #expect(a.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let policies = try #require(object["policies"] as? [[String: Any]])
        #expect(policies.compactMap { $0["policy"] as? String }
                == ["random", "dot-product", "gpu-clustering", "gpu-packing", "best-fit", "fgd"])
        for p in policies {
            #expect(p["alloc_pct_mean"] is Double && p["alloc_pct_sd"] is Double && p["unallocated_gpus_mean"] is Double)
            #expect((p["per_seed"] as? [Any])?.count == 3)
        }
        #expect(object["seeds"] as? [Int] == [1, 2, 5])
        let b = try place(pods: Self.podsCSV, args)
        #expect(a.stdout == b.stdout)
    }

    @Test func explainSaysWhyAPodWentWhere() throws {
        let r = try place(pods: Self.podsCSV, ["--policy", "best-fit", "--seeds", "1", "--explain", "10"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("bound to node-"))
        #expect(r.stdout.contains("feasible"))
    }
}

extension PlaceCommandTests {
    @Test func crlfFilesReadLikeLFFiles() throws {
        let lf = try place(pods: Self.podsCSV, ["--policy", "fgd", "--seeds", "3", "--json"])
        let crlf = try place(nodes: Self.nodesCSV.replacingOccurrences(of: "\n", with: "\r\n"),
                             pods: Self.podsCSV.replacingOccurrences(of: "\n", with: "\r\n"),
                             ["--policy", "fgd", "--seeds", "3", "--json"])
        #expect(lf.exitCode == 0 && crlf.exitCode == 0)
        #expect(lf.stdout == crlf.stdout)
    }
}
