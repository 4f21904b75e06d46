internal import Foundation
internal import KapsoClient

/// What `kops check` needs to replay a masked transcript: each command line that masking changed, as it
/// was typed. Kept beside the transcript in a private file (`FILE.md.restore`, mode 0600) that is never
/// part of the Markdown people paste into tickets.
///
/// `{"kops restore": 1, "lines": {"message <message 1>": "message wamid.HBgL…"}}`
public struct TranscriptRestore: Sendable, Equatable {
    /// Masked command line → the line as typed.
    public var lines: [String: String] = [:]

    public init(lines: [String: String] = [:]) {
        self.lines = lines
    }

    /// `ticket.md` → `ticket.md.restore`.
    public static func path(besides transcript: String) -> String { transcript + ".restore" }

    /// The restore file beside `transcript`, or nil when there is none or it is not one.
    public static func load(besides transcript: String) -> TranscriptRestore? {
        guard let data = FileManager.default.contents(atPath: path(besides: transcript)),
            let json = try? JSONValue.parse(data), let object = json["lines"]?.object
        else { return nil }
        var restore = TranscriptRestore()
        for entry in object.entries {
            if let line = entry.value.string { restore.lines[entry.key] = line }
        }
        return restore
    }

    /// The file's JSON text, keys sorted so rewrites are stable.
    public var json: String {
        let entries = lines.keys.sorted().map { JSONObject.Entry(key: $0, value: .string(lines[$0] ?? "")) }
        let object = JSONObject([
            JSONObject.Entry(key: "kops restore", value: .number("1")),
            JSONObject.Entry(key: "lines", value: .object(JSONObject(entries))),
        ])
        return JSONValue.object(object).serialized(pretty: true) + "\n"
    }

    /// Writes the file beside `transcript`, readable by its owner only.
    public func save(besides transcript: String) {
        let path = TranscriptRestore.path(besides: transcript)
        _ = FileManager.default.createFile(
            atPath: path, contents: Data(json.utf8), attributes: [.posixPermissions: 0o600])
        // createFile keeps an existing file's mode: make sure it is private.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
