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
            /// A saved request without its request line: headers, an empty line, the body.
            case headerBlock
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
        /// For a HAR capture: which of its entries was read, and why (`HAREntry`); nil for any other file.
        public var harEntry: HAREntry?
        /// How the body string was encoded, by the export's `"isBase64Encoded"`.
        public var encoding = Encoding.asWritten
        /// Bytes of line ends after a saved request's body that its `content-length` header leaves out (an editor adds
        /// a newline on save), dropped from `body`: 0 when none.
        public var lineEndsAfterBody = 0
        /// The bytes of a saved request's body in HTTP chunked framing before it was de-chunked (`dechunked`); nil when
        /// it was not framed.
        public var framedBytes: Int?
        /// True when `lineEndsAfterBody` were dropped after a JSON body of a header block without content-length: the
        /// body ends where its JSON does.
        public private(set) var endedByJSON = false

        /// `body` without the line ends (CR, LF) at its end when what is before them is a JSON value; nil otherwise
        /// (none there, or not JSON: a body of another kind may end with one, and a mismatch then names it).
        static func jsonBeforeLineEnds(_ body: [UInt8]) -> [UInt8]? {
            guard let last = body.lastIndex(where: { $0 != 10 && $0 != 13 }), last + 1 < body.count,
                body[last] == 0x7D || body[last] == 0x5D, (try? JSONValue.parse(Array(body[...last]))) != nil
            else { return nil }
            return Array(body[...last])
        }

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

        /// Reads `bytes` as a saved request or a JSON export; nil when it is neither (an ordinary body). Of a HAR
        /// capture, the entry `harEntry` (a place in `log.entries` from 0) when given, else the one `harRequest` picks
        /// (`signature`, the value the user gave, picks among entries carrying a signature header).
        public init?(_ bytes: [UInt8], harEntry wanted: Int? = nil, signature: String? = nil) {
            if let saved = Self.savedRequest(bytes) {
                (kind, headers, body, member) = (saved.requestLine ? .savedRequest : .headerBlock, saved.headers, saved.body, "")
                let length = headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value.trimmingSpaces()) }
                (body, lineEndsAfterBody) = Self.savedBody(body, contentLength: length)
                // Without a content-length nothing ends a header block's body but the file, which a print or an editor
                // ends with a line end: after a JSON body it is the file's (`payload sample > FILE`, tester50 F8).
                if kind == .headerBlock, length == nil, let json = Self.jsonBeforeLineEnds(body) {
                    (body, lineEndsAfterBody, endedByJSON) = (json, body.count - json.count, true)
                }
                // A raw capture of a chunked request: its body's shape, not the header `listen --save` keeps over a body
                // it de-chunked (tester50 F5).
                if let plain = SignatureCheck.dechunked(body) { (framedBytes, body) = (body.count, plain) }
            } else if let export = Self.jsonExport(bytes, harEntry: wanted, signature: signature) {
                (kind, headers, body, member) = (.jsonExport, export.headers, export.body, export.member)
                parsed = export.parsed
                harEntry = export.har
                lambdaEvent = export.flag != nil && export.har == nil
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
            case .headerBlock:
                "a saved HTTP request without its request line (headers, an empty line, then the body: what 'payload sample' "
                    + "prints and request inspectors copy)"
            case .jsonExport where harEntry != nil:
                harEntry.map { entry in
                    "a HAR capture (browser devtools' or a proxy's export) of \(entry.count) \(entry.count == 1 ? "entry" : "entries"); "
                        + "\(entry.label) was read, \(entry.why), its headers and its postData.text"
                } ?? ""
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
                if let framedBytes {
                    let said = headers.contains { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }
                    return "after the empty line, in HTTP chunked framing (\(framedBytes) bytes with the hex size lines"
                        + (said ? ", as its Transfer-Encoding: chunked says" : "") + ") and de-chunked (RFC 9112 section 7.1),"
                }
                guard lineEndsAfterBody > 0 else { return "after the empty line" }
                let bytes = lineEndsAfterBody == 1 ? "byte" : "bytes"
                if endedByJSON {
                    return "after the empty line, to the end of its JSON (no content-length header ends it; the "
                        + "\(lineEndsAfterBody) \(bytes) of line ends after it, a print's or an editor's, left out),"
                }
                return "after the empty line, to its saved content-length (the \(lineEndsAfterBody) \(bytes) of line ends after it, "
                    + "an editor's newline on save, left out),"
            }
            switch encoding {
            case .asWritten: return "in its \"\(member)\" member"
            case .base64:
                let flag = harEntry == nil ? "\"isBase64Encoded\": true" : "postData \"encoding\": \"base64\""
                return "in its \"\(member)\" member, base64-decoded as its \(flag) says,"
            case .notBase64:
                let flag = harEntry == nil ? "\"isBase64Encoded\" is true" : "postData \"encoding\" is \"base64\""
                return "in its \"\(member)\" member (as written: its \(flag), but the body is not base64)"
            }
        }

        /// `cause` for a header block without content-length whose signature matches its body without the newline at
        /// the file's end: the newline is named as a print's or a save's (`payload sample > FILE` writes the body and a line
        /// end, tester50 F8), not the body's sender's; any other `cause` as it is.
        public func printedCause(_ cause: String) -> String {
            guard kind == .headerBlock, !headers.contains(where: { $0.name.lowercased() == "content-length" }),
                cause.hasPrefix("the body ends with a newline and the signature matches without it")
            else { return cause }
            return "the body ends with a newline and the signature matches without it: the file has no content-length "
                + "header to end the body, and a print or an editor adds a newline after it ('payload sample > FILE' "
                + "writes the body, then the terminal's line end, which is not part of the signed body); remove the "
                + "file's last newline or add a Content-Length header; the secret is right"
        }

        /// The signature header it holds, chosen by `SignatureCheck.Header.find` (Meta's first when `meta`, Kapso's
        /// otherwise): its name as senders write it, every value (joined with ", " when the header came more than
        /// once, as `listen` reads it), and whether it is Meta's. Nil when it holds none.
        public func signature(meta: Bool) -> (name: String, value: String, meta: Bool)? {
            Header.find(in: headers, meta: meta).map { ($0.header.name, $0.value, $0.header.isMeta) }
        }

        /// Header names of which a header block without a request line holds one to be read as a saved request.
        static let requestHeaders: Set<String> = [
            "content-type", "content-length", "x-webhook-event", "x-webhook-signature", "x-hub-signature-256", "x-hub-signature",
        ]

        /// `POST / HTTP/1.1` CRLF (or LF), `name: value` lines, an empty line, the body; the request line may be missing
        /// (`payload sample`'s print, what request inspectors and browser devtools copy: tester50 F8) when a header line
        /// names one of `requestHeaders`. `requestLine` says whether it had one.
        private static func savedRequest(
            _ bytes: [UInt8]
        ) -> (headers: [(name: String, value: String)], body: [UInt8], requestLine: Bool)? {
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
            guard let first = lines.first else { return nil }
            let requestLine = isRequestLine(first)
            var headers: [(name: String, value: String)] = []
            for line in requestLine ? lines.dropFirst() : lines[...] {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let name = line[..<colon]
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
                    return nil
                }
                headers.append((String(name), String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })))
            }
            // Without a request line, only a block that names a request's headers is one: a body never starts so.
            guard requestLine || headers.contains(where: { Self.requestHeaders.contains($0.name.lowercased()) }) else { return nil }
            return (headers, Array(bytes[index...]), requestLine)
        }

        /// `METHOD TARGET HTTP/1.1` (RFC 9112 §3).
        private static func isRequestLine(_ line: String) -> Bool {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }), !parts[1].isEmpty
            else { return false }
            return parts[2].hasPrefix("HTTP/")
        }

        /// `{"headers": {…}, "body": "…"}`: headers as an object (values strings or arrays of strings), a list of
        /// `{"name", "value"}` pairs or of `[name, value]` pairs (Node's `rawHeaders` paired, Go's dumps); the body a string in
        /// `body`, `rawBody`, `raw_body` or `content` (webhook.site). Also inside what wraps one (tester70 F1: each was
        /// hashed whole and "the secret is wrong" named): a HAR capture's webhook entry (`log.entries[].request`, its
        /// `headers` and `postData.text`: HAR 1.2, what browser devtools, Charles and mitmproxy export; `harRequest` picks it) and a Pipedream
        /// event export (`{"event": {"headers", "body"}}`, the body kept as parsed JSON).
        private static func jsonExport(
            _ bytes: [UInt8], harEntry wanted: Int?, signature: String?
        ) -> (headers: [(name: String, value: String)], body: [UInt8], member: String, parsed: Bool, flag: Bool?, har: HAREntry?)? {
            guard ByteScan.contains(0x7B, in: bytes), let json = try? JSONValue.parse(bytes), var object = json.object else { return nil }
            var prefix = ""
            if let entries = object["log"]?["entries"]?.array {
                guard let request = harRequest(entries, entry: wanted, signature: signature) else { return nil }
                let member = "log.entries[\(request.entry.index)].request.postData.text"
                return (request.headers, Array(request.text.utf8), member, false, request.base64 ? true : nil, request.entry)
            }
            if let event = object["event"]?.object, event["headers"] != nil, object["headers"] == nil {
                (object, prefix) = (event, "event.")
            }
            guard let headerValue = object["headers"], let headers = exportHeaders(headerValue) else { return nil }
            let flag = object["isBase64Encoded"]?.bool
            for member in ["body", "rawBody", "raw_body", "content"] {
                if let text = object[member]?.string, !text.isEmpty { return (headers, Array(text.utf8), prefix + member, false, flag, nil) }
            }
            // A body kept as parsed JSON: its compact form is what Kapso sent when the export kept keys and numbers.
            if let value = object["body"], value.object != nil || value.array != nil {
                return (headers, Array(value.serialized().utf8), prefix + "body", true, flag, nil)
            }
            return nil
        }

        /// An export's headers: an object (values strings or arrays of strings), a list of `{"name", "value"}` objects or
        /// of `[name, value]` pairs, or Node's flat `rawHeaders` (`[name, value, name, value, …]`); nil for anything else.
        static func exportHeaders(_ headerValue: JSONValue) -> [(name: String, value: String)]? {
            var headers: [(name: String, value: String)] = []
            if let list = headerValue.array, !list.isEmpty, list.count.isMultiple(of: 2), list.allSatisfy({ $0.string != nil }) {
                let strings = list.compactMap(\.string)
                for pair in stride(from: 0, to: strings.count, by: 2) { headers.append((strings[pair], strings[pair + 1])) }
            } else if let fields = headerValue.object {
                for entry in fields.entries {
                    if let text = entry.value.string {
                        headers.append((entry.key, text))
                    } else if let list = entry.value.array {
                        headers += list.compactMap(\.string).map { (entry.key, $0) }
                    }
                }
            } else if let list = headerValue.array {
                for item in list {
                    if let name = item["name"]?.string, let value = item["value"]?.string {
                        headers.append((name, value))
                    } else if let pair = item.array, pair.count == 2, let name = pair[0].string, let value = pair[1].string {
                        headers.append((name, value))
                    }
                }
            } else {
                return nil
            }
            return headers
        }
    }
}
