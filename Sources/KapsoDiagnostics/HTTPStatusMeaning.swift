/// What an HTTP status says by itself when it is no refusal whose text names a field: 499 (the caller hung up), 413 (the
/// body too large), and the other statuses whose cause is their own name. `explain` (`KapsoStatusReading`) and `errors`
/// (`ErrorTriage` of an API-log row) read them here, so one status has one reading (tester59 AF11: 499 was "the request
/// was refused" in both, while `errors` called the same send's outcome unknown; 413 pointed at an error text it lacked).
///
/// Sources: RFC 9110 §15.5 (https://www.rfc-editor.org/rfc/rfc9110#section-15.5): 405 "method not allowed", 408 "did not
/// receive a complete request message within the time that it was prepared to wait", 413 "the request content is
/// larger than the server is willing or able to process", 414 "the target URI is longer than the server is willing to
/// interpret", 415 "the content is in a format not supported by this method on the target resource". 499 is nginx's
/// "client closed request", logged when the client disconnected before the answer (`ServerFailure`); a write so cut off
/// may still have taken effect (probe28 P28-12).
public struct HTTPStatusMeaning: Sendable, Equatable {
    public var status: Int
    /// What the status means.
    public var meaning: String
    /// What to do.
    public var todo: String

    /// Nil for a status this table does not hold. `call` is what the pasted line says the call was: a 499 on a send
    /// leaves its outcome unknown, on a read it only says the caller gave up; when the line does not say, one sentence
    /// names both (fix59E's leftover: both readings were given as if both applied).
    public init?(_ status: Int, call: PastedCall? = nil) {
        self.status = status
        switch status {
        case 499:
            let written = call == nil ? ", and if it was a write (a send) it may have taken effect" : ", and the write may have taken effect"
            meaning = "HTTP 499 is no answer from the API: the caller closed the connection before the answer came (nginx's "
                + "\"client closed request\"); nothing was refused" + (call == .read ? "" : written)
            switch call {
            case .read?: todo = "retry with a longer timeout: the caller's is shorter than the call took"
            case let call?: todo = "the outcome is unknown: " + (call.unknownOutcome ?? "")
            case nil:
                todo = "if the call was a send, its outcome is unknown: look for the message in 'messages' (that contact, that "
                    + "time) before sending again, or the contact may get it twice; if it was a read, the caller's timeout is "
                    + "shorter than the call took"
            }
        case 413:
            meaning = "HTTP 413: the request's body is larger than the server accepts (RFC 9110 section 15.5.14); for a media upload, "
                + "the file is over the size limit for its type"
            todo = "send a smaller body: compress or cut the file to WhatsApp's limit for its type (Meta's supported media "
                + "types: image 5 MB, audio and video 16 MB, document 100 MB), or send a link to it"
        case 414:
            meaning = "HTTP 414: the URL is longer than the server accepts (RFC 9110 section 15.5.15), often a query or id pasted "
                + "into the path many times"
            todo = "check how the caller builds the URL; send long values in the body"
        case 415:
            meaning = "HTTP 415: the server does not take the body's format (RFC 9110 section 15.5.16)"
            todo = "send Content-Type: application/json with a JSON body (multipart/form-data for a media upload)"
        case 405:
            meaning = "HTTP 405: the path exists but not with this method (RFC 9110 section 15.5.6)"
            todo = "check the method against Kapso's API reference (a GET where a POST goes, or the reverse)"
        case 408:
            meaning = "HTTP 408: the server stopped waiting for the request to arrive (RFC 9110 section 15.5.9); it was not processed"
            todo = "retry; if it repeats, check the caller's network and how slowly it sends the body"
        default:
            return nil
        }
    }

    /// The reading for an API-log row of `method`: a write answered 499 leaves its outcome unknown (`ServerFailure`);
    /// a read answered 499 only tells that the caller gave up.
    /// A 413 on a webhook create or update (`endpoint` under `/webhooks`) is its fields' size, not a media file's
    /// (tester62 AL16: "compress or cut the file").
    public static func logged(status: Int, method: String, endpoint: String = "") -> String? {
        if status == 413, APIPath.segments(of: endpoint).contains("webhooks") {
            return "HTTP 413: the request's body is larger than the server accepts (RFC 9110 section 15.5.14); a webhook "
                + "call's body is its fields, so its custom headers or event list are the likely bulk; send fewer or shorter headers"
        }
        let call: PastedCall? = ["GET", "HEAD"].contains(method.uppercased()) ? .read : nil
        return HTTPStatusMeaning(status, call: call).map { "\($0.meaning); \($0.todo)" }
    }
}
