/// An HTTP request as the simulator's routes see it, independent of the HTTP server library.
struct APIRequest: Sendable {
    var method: String
    /// The path as sent, still percent-encoded (what API logs record).
    var path: String
    /// The path's segments, percent-decoded (`wamid.HBg...A=`), without empty segments.
    var segments: [String]
    /// Query parameters, decoded; a repeated name keeps its last value.
    var query: [String: String]
    /// Header values by lowercased name.
    var headers: [String: String]
    var body: [UInt8]

    init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.segments = path.split(separator: "/").map { Self.percentDecode(String($0)) }
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }) { _, last in last }
        self.body = body
    }

    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body as a JSON object; 422 in the Platform shape when it is missing, not JSON or not an object
    /// (what the Platform write operations document for a body they cannot use).
    func jsonObject() throws(APIError) -> JSONObject {
        guard !body.isEmpty else { throw .unprocessable("Request body is missing; send a JSON object") }
        guard let document = try? JSONParser.parse(body) else { throw .unprocessable("Request body is not valid JSON") }
        guard let object = document.objectValue else { throw .unprocessable("Request body must be a JSON object") }
        return object
    }

    /// `%XX` escapes decoded as UTF-8 (invalid sequences become U+FFFD); a `%` without two hex digits stays.
    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%"), bytes.count >= 2,
                let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16)
            {
                out.append(value)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
