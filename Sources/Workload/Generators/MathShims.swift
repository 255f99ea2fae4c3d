#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm cosine, named apart so value-type files need no platform import.
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
/// libm gamma function Γ(x).
@inline(__always) func _tgamma(_ x: Double) -> Double { tgamma(x) }
/// libm natural logarithm.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
/// libm power.
@inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
