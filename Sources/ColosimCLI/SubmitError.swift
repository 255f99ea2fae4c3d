/// `sbatch` could not be run or refused a job (exit 1: not the user's flags, the batch system's answer).
struct SubmitError: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String

    init(_ description: String) { self.description = description }
}
