import Foundation
import Testing
import Yams
@testable import SweepDispatch

/// The generated Indexed Job manifest, parsed with Yams and checked against the batch/v1 Job API's
/// field names (a misspelt or misplaced field is an error, not a silently ignored key).
@Suite struct KubernetesIndexedJobTests {
    /// The shape of a Kubernetes object: which keys each level may hold.
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case list(Shape)
        case stringMap
        case scalar
    }

    /// The batch/v1 Job fields this check knows (field names from the Kubernetes API reference, v1.30:
    /// Job, JobSpec, PodTemplateSpec, PodSpec, Container, EnvVar, EnvVarSource, ObjectFieldSelector,
    /// ResourceRequirements, VolumeMount, Volume, PersistentVolumeClaimVolumeSource, ObjectMeta).
    static let job: Shape = {
        let meta = Shape.object(["name": .scalar, "namespace": .scalar, "labels": .stringMap, "annotations": .stringMap,
                                 "generateName": .scalar])
        let env = Shape.object(["name": .scalar, "value": .scalar, "valueFrom": .object([
            "fieldRef": .object(["apiVersion": .scalar, "fieldPath": .scalar]),
            "resourceFieldRef": .object(["containerName": .scalar, "resource": .scalar, "divisor": .scalar]),
            "configMapKeyRef": .object(["name": .scalar, "key": .scalar, "optional": .scalar]),
            "secretKeyRef": .object(["name": .scalar, "key": .scalar, "optional": .scalar]),
        ])])
        let container = Shape.object([
            "name": .scalar, "image": .scalar, "imagePullPolicy": .scalar, "command": .list(.scalar), "args": .list(.scalar),
            "workingDir": .scalar, "env": .list(env),
            "resources": .object(["requests": .stringMap, "limits": .stringMap]),
            "volumeMounts": .list(.object(["name": .scalar, "mountPath": .scalar, "subPath": .scalar, "readOnly": .scalar])),
        ])
        let volume = Shape.object(["name": .scalar,
                                   "persistentVolumeClaim": .object(["claimName": .scalar, "readOnly": .scalar]),
                                   "emptyDir": .object(["medium": .scalar, "sizeLimit": .scalar])])
        let podSpec = Shape.object(["containers": .list(container), "initContainers": .list(container),
                                    "restartPolicy": .scalar, "volumes": .list(volume), "nodeSelector": .stringMap,
                                    "serviceAccountName": .scalar])
        let spec = Shape.object([
            "completionMode": .scalar, "completions": .scalar, "parallelism": .scalar, "backoffLimit": .scalar,
            "backoffLimitPerIndex": .scalar, "maxFailedIndexes": .scalar, "activeDeadlineSeconds": .scalar,
            "ttlSecondsAfterFinished": .scalar, "suspend": .scalar,
            "template": .object(["metadata": meta, "spec": podSpec]),
        ])
        return .object(["apiVersion": .scalar, "kind": .scalar, "metadata": meta, "spec": spec])
    }()

    /// The paths in `value` that `shape` does not allow.
    static func unknownFields(_ value: Any, _ shape: Shape, at path: String = "") -> [String] {
        switch shape {
        case .object(let fields):
            guard let map = value as? [AnyHashable: Any] else { return ["\(path): expected a mapping"] }
            return map.flatMap { key, v -> [String] in
                let name = key.base as? String ?? "\(key)"
                guard let sub = fields[name] else { return ["\(path).\(name)"] }
                return unknownFields(v, sub, at: "\(path).\(name)")
            }
        case .list(let item):
            guard let list = value as? [Any] else { return ["\(path): expected a list"] }
            return list.enumerated().flatMap { unknownFields($1, item, at: "\(path)[\($0)]") }
        case .stringMap:
            guard let map = value as? [AnyHashable: Any], map.values.allSatisfy({ $0 is String }) else {
                return ["\(path): expected a mapping of strings"]
            }
            return []
        case .scalar:
            return value is [Any] || value is [AnyHashable: Any] ? ["\(path): expected a scalar"] : []
        }
    }

    static func job(sweepFile: String = "scenarios/sweeps/grid.yaml", points: Int = 12, shards: Int? = nil) throws -> KubernetesIndexedJob {
        let plan = try SweepShardPlan(sweepName: "Recsys policies×GPUs", pointCount: points, shardCount: shards,
                                      executable: "colosim", sweepFile: sweepFile, resultsDirectory: "/results",
                                      mergedDatabase: "all.sqlite", workersPerShard: 4)
        return try KubernetesIndexedJob(plan: plan, image: "registry.example/colosim:1.0")
    }

    static func parsed(_ job: KubernetesIndexedJob) throws -> [AnyHashable: Any] {
        try #require(try Yams.load(yaml: job.manifest) as? [AnyHashable: Any])
    }

    @Test func manifestUsesOnlyJobAPIFieldNames() throws {
        let doc = try Self.parsed(try Self.job())
        #expect(Self.unknownFields(doc, Self.job) == [])
        // The checker itself catches a misspelt field.
        var wrong = doc
        var spec = try #require(doc["spec"] as? [AnyHashable: Any])
        spec["completionsMode"] = "Indexed"
        wrong["spec"] = spec
        #expect(Self.unknownFields(wrong, Self.job) == [".spec.completionsMode"])
    }

    @Test func indexedJobFields() throws {
        let job = try Self.job(points: 12, shards: 5)
        let doc = try Self.parsed(job)
        #expect(doc["apiVersion"] as? String == "batch/v1")
        #expect(doc["kind"] as? String == "Job")
        let meta = try #require(doc["metadata"] as? [AnyHashable: Any])
        let name = try #require(meta["name"] as? String)
        #expect(name == "colosim-recsys-policies-gpus")
        #expect(name.count <= 63 && name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        let spec = try #require(doc["spec"] as? [AnyHashable: Any])
        #expect(spec["completionMode"] as? String == "Indexed")
        #expect(spec["completions"] as? Int == 5)
        #expect(spec["parallelism"] as? Int == 5)
        let template = try #require(spec["template"] as? [AnyHashable: Any])
        let pod = try #require(template["spec"] as? [AnyHashable: Any])
        #expect(["OnFailure", "Never"].contains(pod["restartPolicy"] as? String ?? ""))
        let containers = try #require(pod["containers"] as? [[AnyHashable: Any]])
        #expect(containers.count == 1)
        let c = containers[0]
        #expect(c["image"] as? String == "registry.example/colosim:1.0")
        #expect(c["command"] as? [String] == ["colosim"])
        let args = try #require(c["args"] as? [String])
        // Kubernetes expands $(JOB_COMPLETION_INDEX) from the container's env: pod i runs shard i/n.
        for i in 0..<5 {
            let expanded = args.map { $0.replacingOccurrences(of: "$(JOB_COMPLETION_INDEX)", with: String(i)) }
            #expect(["colosim"] + expanded == job.plan.shardCommand(index: i))
        }
        #expect(args.contains("$(JOB_COMPLETION_INDEX)/5"))
        #expect(args.last == "/results/shard-$(JOB_COMPLETION_INDEX).sqlite")
        let env = try #require(c["env"] as? [[AnyHashable: Any]])
        let index = try #require(env.first { $0["name"] as? String == "JOB_COMPLETION_INDEX" })
        let fieldRef = (index["valueFrom"] as? [AnyHashable: Any])?["fieldRef"] as? [AnyHashable: Any]
        #expect(fieldRef?["fieldPath"] as? String == "metadata.annotations['batch.kubernetes.io/job-completion-index']")
        #expect((c["resources"] as? [AnyHashable: Any]).flatMap { $0["requests"] as? [AnyHashable: Any] }?["cpu"] as? String == "4")
        let mounts = try #require(c["volumeMounts"] as? [[AnyHashable: Any]])
        let volumes = try #require(pod["volumes"] as? [[AnyHashable: Any]])
        #expect(mounts.first?["mountPath"] as? String == "/results")
        let volume = try #require(volumes.first { $0["name"] as? String == mounts.first?["name"] as? String })
        #expect((volume["persistentVolumeClaim"] as? [AnyHashable: Any])?["claimName"] as? String == "colosim-results")
        #expect(job.mergeCommand == ["colosim", "runs", "merge"] + (0..<5).map { "/results/shard-\($0).sqlite" } + ["--db", "all.sqlite"])
    }

    /// Literal `$(` in a path is escaped so Kubernetes does not expand it; quotes survive YAML.
    @Test func oddPathsSurviveYAMLAndExpansion() throws {
        let odd = "sweeps/a \"b\" $(HOME) 'c'.yaml"
        let doc = try Self.parsed(try Self.job(sweepFile: odd, points: 2))
        let pod = ((doc["spec"] as? [AnyHashable: Any])?["template"] as? [AnyHashable: Any])?["spec"] as? [AnyHashable: Any]
        let args = (pod?["containers"] as? [[AnyHashable: Any]])?.first?["args"] as? [String]
        #expect(args?[1] == "sweeps/a \"b\" $$(HOME) 'c'.yaml")
    }

    @Test func badSettingsAreRejected() throws {
        let plan = try Self.job().plan
        #expect(throws: SweepDispatchError.self) { try KubernetesIndexedJob(plan: plan, image: "") }
        #expect(throws: SweepDispatchError.self) { try KubernetesIndexedJob(plan: plan, image: "x", claimName: "Bad_Name") }
        #expect(throws: SweepDispatchError.self) { try KubernetesIndexedJob(plan: plan, image: "x", restartPolicy: "Always") }
        var relative = plan
        relative.resultsDirectory = "results"
        #expect(throws: SweepDispatchError.self) { try KubernetesIndexedJob(plan: relative, image: "x") }
    }
}
