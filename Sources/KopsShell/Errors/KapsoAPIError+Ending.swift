internal import KapsoClient
internal import KopsHTTP

extension KapsoAPIError {
    /// Throws this error when it ends a command wherever it comes (Ctrl-C, a refused key); otherwise returns, for a
    /// command that names a read that failed and shows the rest (`webhooks check`, `errors`).
    func throwIfEnding() throws(KapsoAPIError) {
        if case .transport(.cancelled(sent: _)) = self { throw self }
        if case .unauthorized = self { throw self }
    }
}
