public import KapsoClient
internal import KopsHTTP

/// A write whose request went out but whose answer was lost or unreadable: it may have taken effect.
///
/// Said as such, with exit status 75, and never retried: e.g. `the request was sent but no answer came
/// (no answer within 5 s): the webhook may exist; check with 'webhooks'`.
public struct UnknownOutcome: KopsError, Equatable {
    /// What may now be true, e.g. `the webhook may exist`.
    public var effect: String
    /// The command that shows whether it is, e.g. `webhooks`.
    public var check: String
    /// Why no answer could be read, e.g. `no answer within 5 s`.
    public var detail: String

    public init(effect: String, check: String, detail: String) {
        self.effect = effect
        self.check = check
        self.detail = detail
    }

    public var message: String {
        "the request was sent but no answer came (\(detail)): \(effect); check with '\(check)'"
    }

    public var exitStatus: ExitStatus { .unknownOutcome }

    /// Runs a write, turning a lost or unreadable answer into this error.
    ///
    /// A 2xx answer the client cannot decode counts as lost too: the server said yes to something.
    static func reporting<T>(effect: String, check: String, _ write: () throws(KapsoAPIError) -> T) throws -> T {
        do throws(KapsoAPIError) {
            return try write()
        } catch {
            switch error {
            case .transport(.noAnswer(_, let detail)):
                throw UnknownOutcome(effect: effect, check: check, detail: detail)
            case .badResponse(let status, let detail, _) where (200..<300).contains(status):
                throw UnknownOutcome(
                    effect: effect, check: check, detail: "the \(status) answer could not be read: \(detail)")
            default:
                throw error
            }
        }
    }
}
