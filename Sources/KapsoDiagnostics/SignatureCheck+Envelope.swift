public import KapsoClient

// MARK: - A whole saved request where a body was expected

extension SignatureCheck {
    /// A saved request that holds a delivery's body: `listen --save`'s `.http` file (`POST / HTTP/1.1`, header
    /// lines, an empty line, then the raw body; docs/listen.md, "Saved deliveries") or a request-bin style JSON
    /// export (`{"headers": {…}, "body": "<raw body>"}`), an AWS Lambda event among them (`"isBase64Encoded": true`
    /// and the body in base64). `verify` checks the body inside and can take the
    /// signature from its headers; `cause` names a body that is such a file (sent with `curl --data-binary @FILE`).
    public struct Envelope: Sendable {
        /// Which of the two shapes.
        public enum Kind: Sendable, Equatable {
            case savedRequest, jsonExport
        }

        public var kind: Kind
        /// The header lines, in order, names as written.
        public var headers: [(name: String, value: String)]
        /// The body inside: the bytes after the empty line, or the export's body string as UTF-8.
        public var body: [UInt8]
        /// The member of a JSON export that held the body (`body`, `rawBody`, …); empty for a saved request.
        public var member: String
        /// True when the export held the body as parsed JSON (an object or array), not as a string.
        public var parsed = false
        /// True when `body` is a parsed body's Meta-escaped form (`forMeta()`), not its compact form.
        public private(set) var metaForm = false

        /// For a Meta signature: a body kept as parsed JSON stands for what Meta sent in Meta's escaped form (non-ASCII
        /// as lowercase `\uXXXX`, `/` as `\/`, `SignatureCheck.metaEscaped`), as its compact form does for Kapso's
        /// (probe14 P14-8: the request-bin tool re-serialised it, not the user's handler); unchanged otherwise.
        public func forMeta() -> Envelope {
            guard parsed, !metaForm, let value = try? JSONValue.parse(body) else { return self }
            var copy = self
            copy.body = Array(SignatureCheck.metaEscaped(value).utf8)
            copy.metaForm = true
            return copy
        }
        /// True for an AWS Lambda event (API Gateway or a function URL): an export with `"isBase64Encoded"`.
        public var lambdaEvent = false
        /// How the body string was encoded, by the export's `"isBase64Encoded"`.
        public var encoding = Encoding.asWritten
        /// Bytes of line ends after a saved request's body that its `content-length` header leaves out (an editor adds
        /// a newline on save), dropped from `body`: 0 when none.
        public var lineEndsAfterBody = 0

        /// A saved request's body cut at its saved `content-length` when only line ends (CR, LF) follow it, as an editor
        /// that re-saved the file adds them; the body as it is otherwise (a body of another length was edited, and
        /// says so by not matching). The one reading `verify --file` and `replay` share (probe14 P14-17).
        public static func savedBody(_ body: [UInt8], contentLength: Int?) -> (body: [UInt8], lineEndsDropped: Int) {
            guard let contentLength, contentLength >= 0, body.count > contentLength,
                body[contentLength...].allSatisfy({ $0 == 10 || $0 == 13 })
            else { return (body, 0) }
            return (Array(body[..<contentLength]), body.count - contentLength)
        }

        /// What `"isBase64Encoded"` made of the body string: AWS API Gateway and Lambda function URL events hold
        /// the body base64-encoded when it is true (docs.aws.amazon.com, API Gateway "Lambda proxy integrations",
        /// input format), so a handler must decode it before hashing.
        public enum Encoding: Sendable, Equatable {
            /// No flag, or `false`: the string is the body.
            case asWritten
            /// `true`: `body` is the bytes the string decodes to.
            case base64
            /// `true`, yet the string is not base64: `body` is the string as written.
            case notBase64
        }

        /// Reads `bytes` as a saved request or a JSON export; nil when it is neither (an ordinary body).
        public init?(_ bytes: [UInt8]) {
            if let saved = Self.savedRequest(bytes) {
                (kind, headers, body, member) = (.savedRequest, saved.headers, saved.body, "")
                let length = headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value.trimmingSpaces()) }
                (body, lineEndsAfterBody) = Self.savedBody(body, contentLength: length)
            } else if let export = Self.jsonExport(bytes) {
                (kind, headers, body, member) = (.jsonExport, export.headers, export.body, export.member)
                parsed = export.parsed
                lambdaEvent = export.flag != nil
                if export.flag == true, !parsed {
                    if let decoded = SignatureCheck.base64Decoded(body) {
                        (body, encoding) = (decoded, .base64)
                    } else {
                        encoding = .notBase64
                    }
                }
            } else {
                return nil
            }
        }

        /// `a saved HTTP request (request line, headers, an empty line, then the body: what 'listen --save' writes)`.
        public var what: String {
            switch kind {
            case .savedRequest:
                "a saved HTTP request (request line, headers, an empty line, then the body: what 'listen --save' writes)"
            case .jsonExport where lambdaEvent && !parsed:
                "an AWS Lambda event (API Gateway or a function URL)"
            case .jsonExport:
                parsed
                    ? "a JSON export of a request (headers, and the body as parsed JSON in its \"body\" member, as "
                        + "request-bin tools save one; its \(metaForm ? "Meta-escaped" : "compact") form stands for the body)"
                    : "a JSON export of a request (headers and the body as a string in its \"\(member)\" member, as "
                        + "request-bin tools save one)"
            }
        }

        /// Where the body is in it: `after the empty line`, `in its "body" member`, `in its "body" member,
        /// base64-decoded as its "isBase64Encoded": true says,`.
        public var whereBody: String {
            guard kind == .jsonExport else {
                guard lineEndsAfterBody > 0 else { return "after the empty line" }
                let bytes = lineEndsAfterBody == 1 ? "byte" : "bytes"
                return "after the empty line, to its saved content-length (the \(lineEndsAfterBody) \(bytes) of line ends after it, "
                    + "an editor's newline on save, left out),"
            }
            switch encoding {
            case .asWritten: return "in its \"\(member)\" member"
            case .base64: return "in its \"\(member)\" member, base64-decoded as its \"isBase64Encoded\": true says,"
            case .notBase64:
                return "in its \"\(member)\" member (as written: its \"isBase64Encoded\" is true, but the body is not base64)"
            }
        }

        /// The signature header it holds, chosen by `SignatureCheck.Header.find` (Meta's first when `meta`, Kapso's
        /// otherwise): its name as senders write it, every value (joined with ", " when the header came more than
        /// once, as `listen` reads it), and whether it is Meta's. Nil when it holds none.
        public func signature(meta: Bool) -> (name: String, value: String, meta: Bool)? {
            Header.find(in: headers, meta: meta).map { ($0.header.name, $0.value, $0.header.isMeta) }
        }

        /// `POST / HTTP/1.1` CRLF (or LF), `name: value` lines, an empty line, the body.
        private static func savedRequest(_ bytes: [UInt8]) -> (headers: [(name: String, value: String)], body: [UInt8])? {
            var lines: [String] = []
            var index = 0
            while true {
                // A line is at most 8192 bytes: the search for its end stops there, not at the end of a large body.
                guard let end = bytes[index..<min(index + 8193, bytes.count)].firstIndex(of: 0x0A) else { return nil }
                var line = bytes[index..<end]
                if line.last == 0x0D { line = line.dropLast() }
                index = end + 1
                if line.isEmpty { break }
                guard let text = String(validating: line, as: UTF8.self) else { return nil }
                lines.append(text)
            }
            guard let requestLine = lines.first, isRequestLine(requestLine) else { return nil }
            var headers: [(name: String, value: String)] = []
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let name = line[..<colon]
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
                    return nil
                }
                headers.append((String(name), String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })))
            }
            return (headers, Array(bytes[index...]))
        }

        /// `METHOD TARGET HTTP/1.1` (RFC 9112 §3).
        private static func isRequestLine(_ line: String) -> Bool {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }), !parts[1].isEmpty
            else { return false }
            return parts[2].hasPrefix("HTTP/")
        }

        /// `{"headers": {…}, "body": "…"}`: headers as an object (values strings or arrays of strings) or a list of
        /// `{"name", "value"}` pairs; the body a string in `body`, `rawBody`, `raw_body` or `content` (webhook.site).
        private static func jsonExport(
            _ bytes: [UInt8]
        ) -> (headers: [(name: String, value: String)], body: [UInt8], member: String, parsed: Bool, flag: Bool?)? {
            guard ByteScan.contains(0x7B, in: bytes), let json = try? JSONValue.parse(bytes), let object = json.object,
                let headerValue = object["headers"]
            else { return nil }
            var headers: [(name: String, value: String)] = []
            if let fields = headerValue.object {
                for entry in fields.entries {
                    if let text = entry.value.string {
                        headers.append((entry.key, text))
                    } else if let list = entry.value.array {
                        headers += list.compactMap(\.string).map { (entry.key, $0) }
                    }
                }
            } else if let list = headerValue.array {
                for item in list {
                    if let name = item["name"]?.string, let value = item["value"]?.string { headers.append((name, value)) }
                }
            } else {
                return nil
            }
            let flag = object["isBase64Encoded"]?.bool
            for member in ["body", "rawBody", "raw_body", "content"] {
                if let text = object[member]?.string, !text.isEmpty { return (headers, Array(text.utf8), member, false, flag) }
            }
            // A body kept as parsed JSON: its compact form is what Kapso sent when the export kept keys and numbers.
            if let value = object["body"], value.object != nil || value.array != nil {
                return (headers, Array(value.serialized().utf8), "body", true, flag)
            }
            return nil
        }
    }
}
