import ResultStore

extension StoreError {
    /// This error as an ``InputError`` (exit 2) when it is the user's input at fault; else itself.
    public func asInputError(field: String?) -> any Error {
        guard isInputError else { return self }
        return InputError(file: path, field: field, message)
    }
}

/// Runs `body`, mapping ``StoreError``s that are the user's fault to ``InputError`` (exit 2).
public func mappingStoreErrors<T>(field: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error.asInputError(field: field)
    }
}
