/// An FNV-1a-64 running hash: the replay checksums of the references and every run digest.
///
/// FNV-1a (Fowler–Noll–Vo) over little-endian bytes, as `fnv1a64_ints` in
/// `../shared/reference/detrng.py`: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
public struct FNV1a64: Hashable, Sendable {
    /// The current hash value.
    @inlinable public var value: UInt64 { _value }
    @usableFromInline var _value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Starts a new hash.
    public init() {}

    /// Mixes the 8 little-endian bytes of `v`.
    @inlinable public mutating func combine(_ v: UInt64) {
        var x = v
        var h = _value
        for _ in 0..<8 {
            h ^= x & 0xFF
            h = h &* 0x0000_0100_0000_01B3
            x >>= 8
        }
        _value = h
    }

    /// Mixes a signed integer as its two's-complement bit pattern.
    @inlinable public mutating func combine(_ v: Int64) { combine(UInt64(bitPattern: v)) }
    /// Mixes a double as its IEEE-754 bit pattern.
    @inlinable public mutating func combine(_ v: Double) { combine(v.bitPattern) }
    /// Mixes the UTF-8 bytes of a string followed by its length.
    public mutating func combine(_ s: String) {
        combineBytes(s)
        combine(UInt64(s.utf8.count))
    }

    /// Mixes the UTF-8 bytes of a string without its length: a long text hashed in pieces, then
    /// `combine(UInt64(total length))`, hashes as ``combine(_:)-(String)`` of the joined text.
    public mutating func combineBytes(_ s: String) {
        var h = _value
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        _value = h
    }

    /// The hash as 16 lowercase hex digits, as the references print it.
    public var hex: String { Self.hex(value) }

    /// `value` as 16 lowercase hex digits (zero-padded), as the references print hashes.
    public static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
