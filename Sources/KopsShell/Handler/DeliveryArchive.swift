internal import Foundation
internal import KapsoDiagnostics

/// Saved deliveries for `listen --save DIR` and `replay`: one `.http` file each, the request as received:
///
///     POST /webhooks HTTP/1.1
///     content-type: application/json
///     x-webhook-event: whatsapp.message.received
///
///     {"message":…}            ← the raw body, byte for byte, no newline added
///
/// Lines end in CRLF; header names are lowercase (as the receiver reads them). Files are created, never
/// replaced, with mode 0600: they hold contacts' messages. A file is there whole or not at all (`WholeFile`).
enum DeliveryArchive {
    /// Writes `request` into `folder` as `20261130T213005Z-0001-whatsapp.message.received.http`; returns its path.
    ///
    /// The four digits are `number` (the session's count), raised above every file already saved in `folder` in the
    /// same second: name order stays arrival order when two `listen --save` sessions share a folder, and `replay DIR`
    /// sends in name order. Before, a second session's file took a `-2` suffix that sorts before the first
    /// (`-` < `.`), so replay sent the later delivery first (probe44 P44-8).
    static func save(_ request: IncomingRequest, event: String, number: Int, in folder: String, at date: Date) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let second = formatter.string(from: date)
        let safeEvent = String(event.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" ? $0 : "-" }.prefix(60))
        var text = "\(request.method) \(request.target) HTTP/1.1\r\n"
        for header in request.headers { text += "\(header.name): \(header.value)\r\n" }
        let bytes = Array((text + "\r\n").utf8) + request.body
        var sequence = max(number, (highestNumber(savedAt: second, in: folder) ?? 0) + 1)
        for _ in 1...100 {
            let path = LocalPath.joined(folder, "\(second)-\(String(format: "%04d", sequence))-\(safeEvent).http")
            // Whole or not at all, private from its first byte: a full disk left a cut file, mode 0644, that `replay`
            // sent with half its body (probe20 P20-14).
            if try WholeFile.create(bytes, at: path, mode: 0o600) { return path }
            // Another session saved this name between the look and the write.
            sequence += 1
        }
        throw WholeFile.Failure(code: EEXIST)
    }

    /// The highest four-digit number of the files saved in `folder` in `second` (`20261130T213005Z`), nil when none.
    static func highestNumber(savedAt second: String, in folder: String) -> Int? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix(second + "-"), name.hasSuffix(".http") else { return nil }
            return Int(name.dropFirst(second.count + 1).prefix { $0.isNumber })
        }.max()
    }

    /// A saved delivery as read back, with what was fixed or is suspicious about the file (one line each).
    struct Loaded {
        var request: IncomingRequest
        var notes: [String] = []
    }

    /// Reads a saved delivery; throws `ShellError.unreadableFile` naming what is wrong.
    ///
    /// Files an editor touched are read as the delivery they were: a head with LF line ends (a CRLF→LF
    /// conversion) is accepted, and bytes after the saved `content-length` that are only line ends (the newline
    /// vim or nano add on save) are dropped, each with a note. A body of another length than the saved
    /// `content-length` is sent as it is, with a note that the saved signature cannot match.
    static func load(_ path: String) throws(ShellError) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file")
        }
        let bytes = Array(data)
        guard let head = headEnd(bytes) else {
            throw .unreadableFile(path: path, reason: "not a saved delivery (no empty line after the headers; listen --save writes them)")
        }
        var notes: [String] = []
        let name = LocalPath.lastPart(of: path)
        if head.separator == 1 { notes.append("\(name): LF line ends in the head (an editor converted them); read as CRLF") }
        // Split on bytes: in a Swift String "\r\n" is one Character, which no "\n" separator matches.
        let lines = bytes[..<head.index].split(separator: 10, omittingEmptySubsequences: false)
            .map { String(decoding: $0.last == 13 ? $0.dropLast() : $0, as: UTF8.self) }
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/") else {
            throw .unreadableFile(path: path, reason: "not a saved delivery (the first line is not 'POST /path HTTP/1.1')")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw .unreadableFile(path: path, reason: "header line without a colon: '\(VisibleText.escaped(line.prefix(60)))'")
            }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let saved = headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) }
        let (body, dropped) = SignatureCheck.Envelope.savedBody(Array(bytes[(head.index + 2 * head.separator)...]), contentLength: saved)
        if let saved, dropped > 0 {
            notes.append(
                "\(name): \(dropped) byte\(dropped == 1 ? "" : "s") of line ends after the saved body "
                    + "(content-length \(saved)) dropped: an editor adds a newline on save")
        } else if let saved, body.count != saved {
            notes.append(
                "\(name): body is \(body.count) bytes, saved content-length \(saved): the file was edited, so the saved "
                    + "signature will not match (re-sign with --secret)")
        }
        return Loaded(
            request: IncomingRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body),
            notes: notes)
    }

    /// The `.http` files of a folder in name order (the order they were saved), or the file itself.
    static func files(at path: String) throws(ShellError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadableFile(path: path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".http") }.sorted().map { LocalPath.joined(path, $0) }
        guard !files.isEmpty else { throw .unreadableFile(path: path, reason: "no saved deliveries (*.http) in this folder") }
        return files
    }

    /// Where the head ends: the first CRLF CRLF (`separator` 2) or, in a file an editor converted, LF LF (1).
    private static func headEnd(_ bytes: [UInt8]) -> (index: Int, separator: Int)? {
        for index in bytes.indices where bytes[index] == 10 {
            if index + 1 < bytes.count, bytes[index + 1] == 10 { return (index, 1) }
            if index >= 1, bytes[index - 1] == 13, index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 {
                return (index - 1, 2)
            }
        }
        return nil
    }
}
