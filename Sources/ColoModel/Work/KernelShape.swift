import SimEngine

/// The shape of one kernel launch (or one render frame, issued through a graphics context).
///
/// DESIGN §4 "Work items": `work` is the kernel's duration when it runs alone at full speed;
/// `smFraction` is the share of the SMs it can occupy (its parallelism cap: a grid smaller than one
/// wave has `smFraction` < 1); `dramFraction` is the share of peak DRAM bandwidth it draws at full
/// speed; `gridBlocks` is its block count (the user-mode token cost); `blockDuration` is how long one
/// block runs (the granularity at which higher-priority work can take SMs from it).
public struct KernelShape: Hashable, Codable, Sendable {
    /// Duration alone at full speed (progress rate 1).
    public var work: SimDuration
    /// Share of the SMs the kernel can occupy, in (0, 1].
    public var smFraction: Double
    /// Share of peak DRAM bandwidth drawn at full speed, in [0, 1].
    public var dramFraction: Double
    /// Number of thread blocks in the grid (user-mode token cost).
    public var gridBlocks: Int
    /// Duration of one block (block-level preemption granularity).
    public var blockDuration: SimDuration

    /// Creates a kernel shape.
    public init(work: SimDuration, smFraction: Double = 1, dramFraction: Double = 0,
                gridBlocks: Int = 1, blockDuration: SimDuration? = nil) {
        self.work = work
        self.smFraction = smFraction
        self.dramFraction = dramFraction
        self.gridBlocks = gridBlocks
        self.blockDuration = blockDuration ?? work
    }
}
