/// A set of GPU indices on one node (at most 64 GPUs per node), as a bit mask.
public struct GPUSet: Sendable, Hashable, Codable, Sequence {
    /// Bit `i` set ⇔ GPU `i` belongs to the set.
    public var mask: UInt64

    /// The empty set.
    public init() { mask = 0 }
    /// The set with the given bit mask.
    public init(mask: UInt64) { self.mask = mask }
    /// The set holding `indices` (each in 0..<64).
    public init(_ indices: [Int]) {
        mask = 0
        for i in indices where i >= 0 && i < 64 { mask |= 1 << UInt64(i) }
    }

    /// Adds GPU `i` (0..<64).
    public mutating func insert(_ i: Int) { mask |= 1 << UInt64(i) }
    /// Whether GPU `i` is in the set.
    public func contains(_ i: Int) -> Bool { i >= 0 && i < 64 && mask & (1 << UInt64(i)) != 0 }
    /// Number of GPUs in the set.
    public var count: Int { mask.nonzeroBitCount }
    /// Whether the set is empty.
    public var isEmpty: Bool { mask == 0 }

    /// Iterates the indices in increasing order.
    public func makeIterator() -> Iterator { Iterator(rest: mask) }

    /// Iterator over the GPU indices of a ``GPUSet``.
    public struct Iterator: IteratorProtocol {
        var rest: UInt64
        /// The next GPU index, lowest first.
        public mutating func next() -> Int? {
            guard rest != 0 else { return nil }
            let i = rest.trailingZeroBitCount
            rest &= rest - 1
            return i
        }
    }
}
