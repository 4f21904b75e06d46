internal import Foundation

/// Saved deliveries for `listen --save DIR` and `replay`: one `.http` file each, the request as received:
///
///     POST /webhooks HTTP/1.1
///     content-type: application/json
///     x-webhook-event: whatsapp.message.received
///
///     {"message":…}            ← the raw body, byte for byte, no newline added
///
/// Lines end in CRLF; header names are lowercase (as the receiver reads them). Files are created, never
/// replaced, with mode 0600: they hold contacts' messages.
enum DeliveryArchive {
    /// Writes `request` into `folder` as `20261130T213005Z-0001-whatsapp.message.received.http`; returns its path.
    static func save(_ request: IncomingRequest, event: String, number: Int, in folder: String, at date: Date) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let safeEvent = String(event.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" ? $0 : "-" }.prefix(60))
        var text = "\(request.method) \(request.target) HTTP/1.1\r\n"
        for header in request.headers { text += "\(header.name): \(header.value)\r\n" }
        let bytes = Array((text + "\r\n").utf8) + request.body
        var name = "\(formatter.string(from: date))-\(String(format: "%04d", number))-\(safeEvent).http"
        var attempt = 1
        while true {
            let path = (folder as NSString).appendingPathComponent(name)
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
                return path
            } catch CocoaError.fileWriteFileExists where attempt < 100 {
                attempt += 1
                name = name.replacingOccurrences(of: ".http", with: "") + "-\(attempt).http"
            }
        }
    }

    /// Reads a saved delivery; throws `ShellError.unreadableFile` naming what is wrong.
    static func load(_ path: String) throws(ShellError) -> IncomingRequest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file")
        }
        let bytes = Array(data)
        guard let end = headEnd(bytes) else {
            throw .unreadableFile(path: path, reason: "not a saved delivery (no empty line after the headers; listen --save writes them)")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
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
        return IncomingRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: Array(bytes[(end + 4)...]))
    }

    /// The `.http` files of a folder in name order (the order they were saved), or the file itself.
    static func files(at path: String) throws(ShellError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadableFile(path: path, reason: "no such file or folder")
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = names.filter { $0.hasSuffix(".http") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else { throw .unreadableFile(path: path, reason: "no saved deliveries (*.http) in this folder") }
        return files
    }

    /// The index of the CRLF CRLF that ends the head.
    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
