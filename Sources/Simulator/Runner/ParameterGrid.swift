/// A grid of parameter values: the cartesian product of named axes, in axis order with the last axis
/// varying fastest (like nested loops), and a deterministic split of its points into shards.
public struct ParameterGrid: Sendable, Hashable {
    /// One axis: a parameter name and its values (as written).
    public struct Axis: Sendable, Hashable {
        /// The parameter (`seed`, `policy`, `gpus`, or a scenario path such as `containers.ai.weight`).
        public var name: String
        /// Its values, in order.
        public var values: [String]

        /// Creates an axis.
        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    /// One point: a value for each axis.
    public struct Point: Sendable, Hashable {
        /// Position of the point in the grid (0-based, nested-loop order).
        public var index: Int
        /// (parameter, value) in axis order.
        public var assignments: [(name: String, value: String)]

        /// The point's key, unique within its grid: `name=value` pairs joined by commas.
        public var key: String { assignments.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }

        /// Creates a point.
        public init(index: Int, assignments: [(name: String, value: String)]) {
            self.index = index
            self.assignments = assignments
        }

        /// Points are equal when their index and assignments are.
        public static func == (a: Point, b: Point) -> Bool { a.index == b.index && a.key == b.key }

        /// Hashes the index and key.
        public func hash(into h: inout Hasher) {
            h.combine(index)
            h.combine(key)
        }
    }

    /// The axes.
    public var axes: [Axis]

    /// Creates a grid.
    public init(axes: [Axis]) { self.axes = axes }

    /// Number of points (the product of the axis sizes; 1 for no axes).
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// All points in nested-loop order (last axis fastest).
    public var points: [Point] {
        (0..<count).map(point(at:))
    }

    /// The point at `index` (mixed-radix decoding, last axis least significant).
    public func point(at index: Int) -> Point {
        var rest = index
        var values = [(name: String, value: String)](repeating: ("", ""), count: axes.count)
        for (i, axis) in axes.enumerated().reversed() {
            let n = axis.values.count
            values[i] = (axis.name, axis.values[rest % n])
            rest /= n
        }
        return Point(index: index, assignments: values)
    }

    /// The points of shard `shard` of `shards` (0 ≤ shard < shards): every point whose index ≡ shard
    /// (mod shards). The shards partition the grid, each point in exactly one.
    public func points(shard: Int, of shards: Int) -> [Point] {
        precondition(shards >= 1 && (0..<shards).contains(shard), "shard out of range")
        return stride(from: shard, to: count, by: shards).map(point(at:))
    }
}
