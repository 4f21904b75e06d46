internal import KapsoClient
internal import KapsoDiagnostics

// MARK: - A HAR capture with several signed requests: each is checked

extension VerifyCommand {
    /// Each entry of a HAR capture that carries a signature header, checked against its own header (tester70b G3: of
    /// two deliveries the first was checked alone, "invalid … the secret is wrong", and the valid second went unsaid).
    /// Valid when every entry is; otherwise the entries' verdicts are shown and the error names the ones that do not
    /// match, and whether another entry proves the secret right. Nil when the file is no such capture.
    static func verifyEntries(
        _ arguments: Arguments, first: Body, secrets: [String], meta: Bool, stop: Stop, in context: ShellContext
    ) throws -> CommandResult? {
        guard let entry = first.envelope?.harEntry, entry.reason == .signed, !entry.otherSigned.isEmpty else { return nil }
        let bytes = try sourceBytes(arguments)
        var blocks: [Block] = []
        var rows: [JSONValue] = []
        var verdicts: [(label: String, cause: String?)] = []
        for index in ([entry.index] + entry.otherSigned).sorted() {
            guard let envelope = SignatureCheck.Envelope(bytes, harEntry: index), let place = envelope.harEntry,
                let header = envelope.signature(meta: meta)
            else { continue }
            let body = Body(
                bytes: envelope.body, envelope: envelope,
                note: "the \(envelope.body.count)-byte body \(envelope.whereBody) was checked against its own \(header.name) header")
            blocks.append(.line(StyledText(place.label + ":", style: .bold)))
            do {
                let result = try check(header.value, secrets: secrets, meta: meta || header.meta, stop: stop) { body }
                blocks += result.blocks
                verdicts.append((place.label, nil))
                rows.append(row(place, json: result.json ?? ["valid": true]))
            } catch let error as ShellError {
                guard let invalid = invalidJSON(error) else { throw error }
                blocks.append(.line(StyledText(error.message, style: .bad)))
                verdicts.append((place.label, invalid["cause"]?.string ?? error.message))
                rows.append(row(place, json: invalid))
            }
        }
        let json: JSONValue = ["valid": .bool(verdicts.allSatisfy { $0.cause == nil }), "entries": .array(rows)]
        let failed = verdicts.filter { $0.cause != nil }.map(\.label)
        guard !failed.isEmpty else {
            return CommandResult(
                blocks: [.line(StyledText("valid: all \(verdicts.count) signed entries of the HAR capture match", style: .good))]
                    + blocks,
                json: json)
        }
        context.emit(CommandResult(blocks: blocks, json: json))
        let matched = verdicts.filter { $0.cause == nil }.map(\.label)
        let list = failed.joined(separator: "; ")
        throw ShellError.signatureMismatch(
            cause: matched.isEmpty
                ? "none of the HAR capture's \(verdicts.count) signed entries matches (each is shown above): \(list)"
                : "\(failed.count) of the HAR capture's \(verdicts.count) signed entries \(failed.count == 1 ? "does" : "do") "
                    + "not match (\(list)), while \(matched.joined(separator: "; ")) \(matched.count == 1 ? "does" : "do") "
                    + "with the same secret: the secret is right; the body or signature of the other "
                    + "\(failed.count == 1 ? "entry" : "entries") changed after it was signed (each is shown above)")
    }

    /// One entry's verdict for `--output json`: its place, method, URL and time beside the verdict's members.
    private static func row(_ entry: SignatureCheck.Envelope.HAREntry, json: JSONValue) -> JSONValue {
        var object = json.object ?? [:]
        object["entry"] = .number(String(entry.index + 1))
        object["method"] = .string(entry.method)
        object["url"] = .string(entry.url)
        if let time = entry.time { object["time"] = .string(time) }
        return .object(object)
    }
}
