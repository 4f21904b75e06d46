public import KapsoClient
internal import KapsoDiagnostics

/// A 402 on a call that sends no message (a read: `templates`, `messages`) whose body carries a Graph code Meta answers
/// with another status, said with the reading `logs --errors` gives the same call's row (`APIRefusal.nonSendPayment`:
/// status and body disagree, no credits advice). tester66b X10: live said only "the API rejected the request (402):
/// (#100) Invalid parameter" while the log row read it another way. Sends throw `sendRejected`, never this.
public struct PaymentStatusBodyError: KopsError, APIErrorExplained {
    /// The API's error as it came back.
    public var error: KapsoAPIError
    /// What it means and what to do.
    public var reading: String

    /// `error` with its reading when it is a 402 whose text carries such a Graph code; nil otherwise.
    public static func explaining(_ error: KapsoAPIError) -> PaymentStatusBodyError? {
        guard case .rejected(402, let message, _) = error, let reading = APIRefusal.nonSendPayment(text: message) else { return nil }
        return PaymentStatusBodyError(error: error, reading: reading)
    }

    public var message: String { error.message + "; " + reading }

    public var exitStatus: ExitStatus { error.exitStatus }
}
