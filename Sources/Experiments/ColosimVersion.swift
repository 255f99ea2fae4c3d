/// The colosim version string recorded with every result.
public enum ColosimVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}
