#!/usr/bin/env python3
"""Writes the k8s import fixtures (docs/import.md). Objects are hand-specified from the Kubernetes
core/v1 API reference (v1.31: Node, Pod, List) and HAMi's annotations; this script only spells them
out as `kubectl get … -o json` would (a `List` with apiVersion v1). Re-run after editing."""
import json, copy

def lst(items):
    return {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": items}

def node(name, labels, alloc, annotations=None, uid="0"):
    cap = dict(alloc)
    return {"apiVersion": "v1", "kind": "Node",
            "metadata": {"name": name, "uid": "6c1f3b0e-0000-4000-8000-00000000000" + uid,
                         "creationTimestamp": "2026-11-02T08:00:00Z", "resourceVersion": "81234" + uid,
                         "labels": dict({"kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
                                         "kubernetes.io/arch": "amd64"}, **labels),
                         "annotations": annotations or {}},
            "spec": {"podCIDR": "10.244.%s.0/24" % uid},
            "status": {"capacity": cap, "allocatable": alloc,
                       "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady",
                                       "lastHeartbeatTime": "2026-12-02T22:59:00Z", "lastTransitionTime": "2026-11-02T08:01:00Z"}],
                       "nodeInfo": {"kubeletVersion": "v1.31.2", "containerRuntimeVersion": "containerd://1.7.22",
                                    "operatingSystem": "linux", "architecture": "amd64"}}}

def pod(ns, name, node, limits, scheduler="default-scheduler", pc=None, prio=None, labels=None,
        annotations=None, phase="Running", uid="0"):
    spec = {"containers": [{"name": "main", "image": "registry.example.com/%s:1.0" % name.split("-")[0],
                            "resources": {"limits": limits, "requests": dict(limits)}}],
            "schedulerName": scheduler, "restartPolicy": "Always", "terminationGracePeriodSeconds": 30,
            "serviceAccountName": "default"}
    if node: spec["nodeName"] = node
    if pc: spec["priorityClassName"] = pc
    if prio is not None: spec["priority"] = prio
    status = {"phase": phase, "qosClass": "Burstable"}
    if phase == "Pending" and not node:
        status["conditions"] = [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable",
                                 "message": "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.",
                                 "lastTransitionTime": "2026-12-02T22:50:00Z"}]
    return {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "namespace": ns, "uid": "9d2e7a1c-0000-4000-8000-0000000000" + uid,
                         "creationTimestamp": "2026-12-01T10:00:00Z", "labels": labels or {"app": name.rsplit("-", 1)[0]},
                         "annotations": annotations or {}},
            "spec": spec, "status": status}

def write(name, obj):
    with open(name, "w") as f:
        json.dump(obj, f, indent=2, sort_keys=True)
        f.write("\n")

# --- HAMi cluster: 2 nodes × 4 A100-40GB under HAMi (split 10) + a CPU node -----------------------
a100 = {"nvidia.com/gpu.count": "4", "nvidia.com/gpu.product": "NVIDIA-A100-SXM4-40GB",
        "nvidia.com/gpu.memory": "40960", "nvidia.com/gpu.present": "true", "gpu": "on"}
reg_a = "".join("GPU-aaaa000%d-1111-2222-3333-44445555666%d,10,40960,100,NVIDIA-NVIDIA A100-SXM4-40GB,0,true:" % (i, i) for i in range(4))
reg_b = json.dumps([{"id": "GPU-bbbb000%d-1111-2222-3333-44445555666%d" % (i, i), "index": i, "count": 10, "devmem": 40960,
                     "devcore": 100, "type": "NVIDIA-NVIDIA A100-SXM4-40GB", "numa": 0, "mode": "hami-core", "health": True}
                    for i in range(4)])
hami_nodes = lst([
    node("gpu-node-a", a100, {"cpu": "96", "memory": "1056766196Ki", "pods": "110", "nvidia.com/gpu": "40"},
         {"hami.io/node-nvidia-register": reg_a, "hami.io/node-handshake": "Reported 2026-12-02 22:58:11"}, uid="1"),
    node("gpu-node-b", a100, {"cpu": "96", "memory": "1056766196Ki", "pods": "110", "nvidia.com/gpu": "40"},
         {"hami.io/node-nvidia-register": reg_b, "hami.io/node-handshake": "Reported 2026-12-02 22:58:09"}, uid="2"),
    node("cpu-node-1", {}, {"cpu": "32", "memory": "131900000Ki", "pods": "110"}, uid="3"),
])
A = lambda i: "GPU-aaaa000%d-1111-2222-3333-44445555666%d" % (i, i)
B = lambda i: "GPU-bbbb000%d-1111-2222-3333-44445555666%d" % (i, i)
def hami_ann(devs):
    return {"hami.io/vgpu-devices-allocated": "".join("%s,NVIDIA,%d,%d:" % d for d in devs) + ";",
            "hami.io/vgpu-devices-to-allocate": ";", "hami.io/bind-phase": "success",
            "hami.io/vgpu-node": "", "hami.io/bind-time": "1764712800"}
def with_node(ann, n):
    ann = dict(ann); ann["hami.io/vgpu-node"] = n; return ann
hami_pods = lst([
    pod("prod", "ranker-7d9f8", "gpu-node-a", {"cpu": "4", "memory": "16Gi", "nvidia.com/gpu": "1", "nvidia.com/gpumem": "10240", "nvidia.com/gpucores": "30"},
        scheduler="hami-scheduler", pc="online-critical", prio=100000, annotations=with_node(hami_ann([(A(0), 10240, 30)]), "gpu-node-a"), uid="01"),
    pod("prod", "recall-5c8b2", "gpu-node-a", {"cpu": "2", "memory": "8Gi", "nvidia.com/gpu": "1", "nvidia.com/gpumem-percentage": "25", "nvidia.com/gpucores": "20"},
        scheduler="hami-scheduler", pc="online-critical", prio=100000, annotations=with_node(hami_ann([(A(1), 10240, 20)]), "gpu-node-a"), uid="02"),
    pod("prod", "embed-6f4d1", "gpu-node-a", {"cpu": "2", "memory": "8Gi", "nvidia.com/gpu": "1", "nvidia.com/gpumem": "8192", "nvidia.com/gpucores": "40"},
        scheduler="hami-scheduler", pc="online-critical", prio=100000, annotations=with_node(hami_ann([(A(0), 8192, 40)]), "gpu-node-a"), uid="03"),
    pod("batch", "train-llm-0", "gpu-node-b", {"cpu": "32", "memory": "256Gi", "nvidia.com/gpu": "2"},
        scheduler="volcano", pc="batch-low", prio=0, labels={"app": "train-llm", "volcano.sh/job-name": "train-llm"}, uid="04"),
    pod("research", "nb-alice", "gpu-node-b", {"cpu": "4", "memory": "32Gi", "nvidia.com/gpu": "1", "nvidia.com/gpumem": "4096", "nvidia.com/gpucores": "10"},
        scheduler="hami-scheduler", prio=0, labels={"app": "jupyter", "owner": "alice"}, annotations=with_node(hami_ann([(B(2), 4096, 10)]), "gpu-node-b"), uid="05"),
    pod("prod", "ranker-7d9f8-x2k", None, {"cpu": "4", "memory": "16Gi", "nvidia.com/gpu": "1", "nvidia.com/gpumem": "10240", "nvidia.com/gpucores": "30"},
        scheduler="hami-scheduler", pc="online-critical", prio=100000, phase="Pending", uid="06"),
    pod("kube-system", "coredns-5d78c", "cpu-node-1", {"cpu": "100m", "memory": "170Mi"}, pc="system-cluster-critical", prio=2000000000, uid="07"),
    pod("batch", "old-eval", "gpu-node-b", {"nvidia.com/gpu": "1"}, scheduler="hami-scheduler", prio=0, phase="Succeeded", uid="08"),
])
write("hami-nodes.json", hami_nodes)
write("hami-pods.json", hami_pods)

# --- Whole-GPU cluster with the GPU operator's labels: 2 × 8 H100 + a CPU node ---------------------
h100 = {"nvidia.com/gpu.count": "8", "nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3", "nvidia.com/gpu.memory": "81559",
        "nvidia.com/gpu.family": "hopper", "nvidia.com/gpu.present": "true", "nvidia.com/gpu.deploy.device-plugin": "true",
        "nvidia.com/gpu.deploy.dcgm-exporter": "true", "nvidia.com/cuda.driver.major": "550", "nvidia.com/mig.capable": "true",
        "nvidia.com/mig.strategy": "single", "feature.node.kubernetes.io/pci-10de.present": "true"}
whole_nodes = lst([
    node("dgx-01", h100, {"cpu": "224", "memory": "2113532392Ki", "pods": "110", "nvidia.com/gpu": "8"}, uid="4"),
    node("dgx-02", h100, {"cpu": "224", "memory": "2113532392Ki", "pods": "110", "nvidia.com/gpu": "8"}, uid="5"),
    node("cpu-node-2", {}, {"cpu": "64", "memory": "263800000Ki", "pods": "110"}, uid="6"),
])
whole_pods = lst([
    pod("ml", "train-gpt-0", "dgx-01", {"cpu": "96", "memory": "900Gi", "nvidia.com/gpu": "4"}, pc="batch", prio=100, uid="11"),
    pod("ml", "train-gpt-1", "dgx-01", {"cpu": "96", "memory": "900Gi", "nvidia.com/gpu": "4"}, pc="batch", prio=100, uid="12"),
    pod("serving", "llm-api-0", "dgx-02", {"cpu": "16", "memory": "120Gi", "nvidia.com/gpu": "1"}, pc="serving-high", prio=2000, labels={"app": "llm-api", "tier": "online"}, uid="13"),
    pod("serving", "llm-api-1", "dgx-02", {"cpu": "16", "memory": "120Gi", "nvidia.com/gpu": "1"}, pc="serving-high", prio=2000, labels={"app": "llm-api", "tier": "online"}, uid="14"),
    pod("serving", "llm-api-2", None, {"cpu": "16", "memory": "120Gi", "nvidia.com/gpu": "1"}, pc="serving-high", prio=2000, labels={"app": "llm-api", "tier": "online"}, phase="Pending", uid="15"),
    pod("dev", "notebook-bob", "dgx-02", {"cpu": "8", "memory": "64Gi", "nvidia.com/gpu": "1"}, prio=0, labels={"app": "notebook"}, uid="16"),
    pod("gpu-operator", "nvidia-dcgm-exporter-7xk2p", "dgx-01", {"cpu": "100m", "memory": "512Mi"}, pc="system-node-critical", prio=2000001000, uid="17"),
])
write("whole-nodes.json", whole_nodes)
write("whole-pods.json", whole_pods)

# --- Malformed variants of the HAMi pods and nodes (each must exit 2 naming the JSON path) ----------
def mutate_pods(f, name):
    p = copy.deepcopy(hami_pods); f(p); write(name, p)
mutate_pods(lambda p: p["items"][0]["spec"]["containers"][0]["resources"]["limits"].__setitem__("nvidia.com/gpu", "two"), "malformed-gpu-count.json")
mutate_pods(lambda p: p["items"][3]["spec"]["containers"][0]["resources"]["limits"].__setitem__("amd.com/gpu", "1"), "malformed-unknown-resource.json")
mutate_pods(lambda p: p["items"][1]["metadata"].pop("name"), "malformed-missing-name.json")
mutate_pods(lambda p: p["items"][2]["spec"].__setitem__("containers", {"name": "main"}), "malformed-containers.json")
mutate_pods(lambda p: p["items"][4]["metadata"]["annotations"].__setitem__("hami.io/vgpu-devices-allocated", "GPU-bbbb0002,NVIDIA,lots,10:;"), "malformed-hami-annotation.json")
mutate_pods(lambda p: p["items"][0]["spec"].__setitem__("priority", "high"), "malformed-priority.json")
mutate_pods(lambda p: p["items"][0]["spec"]["containers"][0]["resources"]["limits"].__setitem__("nvidia.com/gpucores", "150"), "malformed-gpucores.json")
n = copy.deepcopy(hami_nodes); n["items"][1]["metadata"]["labels"]["nvidia.com/gpu.count"] = "4.5"; write("malformed-nodes-count.json", n)
with open("malformed-truncated.json", "w") as f: f.write(json.dumps(hami_pods, indent=2)[:700])
write("malformed-kind.json", {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {}})
