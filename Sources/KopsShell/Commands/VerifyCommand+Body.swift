internal import Foundation
internal import KapsoDiagnostics

// MARK: - The body checked: from --file or --body, or inside a saved request

extension VerifyCommand {
    /// Where the body comes from: `--file` (a path) or `--body` (the text), exactly one of them.
    static func bodySource(_ arguments: Arguments) throws(ShellError) -> (path: String?, text: String?) {
        switch (arguments.value("--file"), arguments.value("--body")) {
        case (nil, nil):
            throw .missingArgument(command: name, what: "--file FILE or --body TEXT", usage: usage)
        case (_?, _?):
            throw .invalidValue(command: name, what: "combination", value: "--file with --body", expected: "only one of them")
        case let (path, text):
            return (path, text)
        }
    }

    /// Why `--signature` cannot be left out for `body`: the usage shows it optional, which holds only for a saved
    /// request carrying its own signature header.
    static func noOwnSignature(_ body: Body, fromFile: Bool) -> String {
        let what = fromFile ? "the file" : "the text given"
        guard body.envelope != nil else {
            return "\(what) is a body only; --signature may be left out only for a saved request that carries its own "
                + "signature header ('listen --save' writes one, or a request-bin JSON export)"
        }
        return "\(what) is a saved request without a signature header (X-Webhook-Signature or X-Hub-Signature-256) of its own"
    }

    /// The bytes to check, and where they came from when the file (or text) was a whole saved request.
    struct Body {
        var bytes: [UInt8]
        var envelope: SignatureCheck.Envelope?
        /// `the file is a saved HTTP request (…); the 463-byte body after the empty line was checked`, or nil.
        var note: String?

        /// The note as a hint line under the verdict.
        var hints: [Block] { note.map { [.hint($0)] } ?? [] }
        /// The note as the start of a mismatch's cause.
        var prefix: String { note.map { $0 + "; " } ?? "" }
    }

    /// The file's bytes or `--body`'s text; for a saved request (`listen --save`'s `.http`) or a request-bin JSON
    /// export, the body inside it, with a note saying so. `preread` is returned as it is when given.
    static func readBody(_ arguments: Arguments, preread: Body?) throws -> Body {
        if let preread { return preread }
        let source = try bodySource(arguments)
        let bytes = try sourceBytes(arguments)
        guard let envelope = SignatureCheck.Envelope(bytes, signature: arguments.value("--signature")) else { return Body(bytes: bytes) }
        return body(envelope, what: source.path != nil ? "the file" : "the text given")
    }

    /// The file's bytes or `--body`'s text, as given.
    static func sourceBytes(_ arguments: Arguments) throws -> [UInt8] {
        let source = try bodySource(arguments)
        return try source.path.map(read) ?? Array((source.text ?? "").utf8)
    }

    /// The body inside `envelope`, with the note that says where it came from.
    static func body(_ envelope: SignatureCheck.Envelope, what: String) -> Body {
        Body(
            bytes: envelope.body, envelope: envelope,
            note: "\(what) is \(envelope.what); the \(envelope.body.count)-byte body \(envelope.whereBody) was checked")
    }

    /// The largest body `verify` reads, in bytes: `listen`'s limit (8 MiB), which no webhook body comes near. Kapso's
    /// and Meta's webhook bodies are JSON of a few kilobytes (media arrives as an id or a link, never as bytes), so a
    /// larger file is another file (a log, a capture, a HAR export), and the causes a mismatch is searched for (each
    /// another form of the whole body) would take seconds per megabyte for nothing (probe18 P18-19: 100 MB took 233 s).
    static let bodyLimit = ListenCommand.bodyLimit

    private static func read(_ path: String) throws -> [UInt8] {
        // A leading `~` was read as the home folder before the command ran (`Shell.resolvingPaths`).
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ShellError.unreadableFile(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ShellError.unreadableFile(path: path, reason: "it is a folder") }
        // Its size is known before a byte is read: a file far too large is refused at once (probe18 P18-19).
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > bodyLimit {
            throw ShellError.invalidValue(
                command: name, what: "--file", value: path,
                expected: "a webhook body as received, at most \(bodyLimit >> 20) MiB as 'listen' takes them (webhook "
                    + "bodies are kilobytes); this file is \(size) bytes: is it the right file?")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShellError.unreadableFile(path: path, reason: "permission denied or not a regular file")
        }
        // A pipe or device has no size until it is read.
        guard data.count <= bodyLimit else {
            throw ShellError.invalidValue(
                command: name, what: "--file", value: path,
                expected: "a webhook body as received, at most \(bodyLimit >> 20) MiB as 'listen' takes them (webhook "
                    + "bodies are kilobytes); it holds more: is it the right file?")
        }
        return Array(data)
    }
}
