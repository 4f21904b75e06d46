public import KapsoClient
public import KapsoDiagnostics
internal import KopsHTTP

/// A write whose request went out but whose answer was lost, unreadable, or a server error: it may have taken effect.
///
/// Said as such, with exit status 75, and never retried: e.g. `the request was sent but no answer came
/// (no answer within 5 s): the webhook may exist; check with 'webhooks'`, or for a 5xx (`ServerFailure`, probe26
/// P26-16) `the outcome is unknown: the API answered 504 (…), a gateway that stopped waiting for the server behind it;
/// the message may have been sent: check with 'messages --phone-number 14155550401' before sending again`.
public struct UnknownOutcome: KopsError, Equatable {
    /// What may now be true, e.g. `the webhook may exist`.
    public var effect: String
    /// The command that shows whether it is, e.g. `webhooks`.
    public var check: String
    /// Why no answer could be read, e.g. `no answer within 5 s`.
    public var detail: String
    /// The server's error answer, when one came: it does not say whether the write happened.
    public var failure: ServerFailure?
    /// What not to do before checking: `retrying`, `sending again`.
    public var again: String

    public init(effect: String, check: String, detail: String, failure: ServerFailure? = nil, again: String = "retrying") {
        self.effect = effect
        self.check = check
        self.detail = detail
        self.failure = failure
        self.again = again
    }

    public var message: String {
        guard let failure else { return "the request was sent but no answer came (\(detail)): \(effect); check with '\(check)'" }
        return "the outcome is unknown: \(failure.answer); \(effect): check with '\(check)' before \(again)"
    }

    public var exitStatus: ExitStatus { .unknownOutcome }

    /// How `message` starts, for `kops check` to read a recorded block as an unknown outcome.
    static let linePrefixes = ["the request was sent but no answer came", "the outcome is unknown: "]

    /// Runs a write, turning a lost or unreadable answer, or a server error (5xx), into this error.
    ///
    /// A 2xx answer the client cannot decode counts as lost too: the server said yes to something.
    static func reporting<T>(
        effect: String, check: String, again: String = "retrying", _ write: () throws(KapsoAPIError) -> T
    ) throws -> T {
        do throws(KapsoAPIError) {
            return try write()
        } catch {
            if let unknown = UnknownOutcome(error, effect: effect, check: check, again: again) { throw unknown }
            throw error
        }
    }

    /// The unknown outcome `error` means for a write, nil when the error says the write did not happen.
    init?(_ error: KapsoAPIError, effect: String, check: String, again: String = "retrying") {
        switch error {
        case .transport(.noAnswer(_, let detail)):
            self.init(effect: effect, check: check, detail: detail, again: again)
        case .badResponse(let status, let detail, _) where (200..<300).contains(status):
            self.init(effect: effect, check: check, detail: "the \(status) answer could not be read: \(detail)", again: again)
        case .server(let status, let message):
            guard let failure = ServerFailure(status: status, text: message) else { return nil }
            self.init(effect: effect, check: check, detail: "HTTP \(status)", failure: failure, again: again)
        case .badResponse(let status, let detail, let firstBytes):
            let text = detail + (firstBytes.isEmpty ? "" : ", starting \(firstBytes)")
            guard let failure = ServerFailure(status: status, text: text) else { return nil }
            self.init(effect: effect, check: check, detail: "HTTP \(status)", failure: failure, again: again)
        case .sendRejected(let rejection):
            guard let failure = ServerFailure(rejection) else { return nil }
            self.init(effect: effect, check: check, detail: "HTTP \(rejection.status)", failure: failure, again: again)
        default:
            return nil
        }
    }
}
