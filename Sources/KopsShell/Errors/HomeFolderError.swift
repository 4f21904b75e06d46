/// A path that starts with `~` (the home folder) while no home folder is known: HOME unset or empty, and no passwd
/// entry gave one (`ProcessEnvironment.withHome`). Said instead of writing a folder literally named `~` (probe34 P34-11).
public struct HomeFolderError: KopsError, Equatable {
    /// The path as typed, e.g. `~/notes.md`.
    public var path: String
    /// The user named by `~NAME/` (`root` in `~root/x.md`), which kops does not read (probe36 P36-8: `record
    /// ~root/x.md` advised creating a folder named `~root`); nil for a bare `~` without a home folder.
    public var otherUser: String?

    public init(path: String, otherUser: String? = nil) {
        self.path = path
        self.otherUser = otherUser
    }

    public var message: String {
        if let otherUser {
            return "'\(VisibleText.escaped(Shortened.text(path)))' starts with '~\(VisibleText.escaped(Shortened.text(otherUser)))/', "
                + "another user's home folder, which kops does not read (only '~' and '~/' are yours); give the full path, "
                + "or './~\(VisibleText.escaped(Shortened.text(otherUser)))/…' for a folder of that name"
        }
        return "'\(VisibleText.escaped(Shortened.text(path)))' starts with '~', the home folder, but HOME is not set and this "
            + "user has no home folder; give the full path, or set HOME"
    }

    public var exitStatus: ExitStatus { .usage }

    /// `path` with a leading `~` or `~/` read as `home` (`LocalPath.expandingHome`): the one rule for every path kops
    /// takes (`record`, `bundle`, `listen --save`, `replay`, `verify --file`, `source`, `kops run`, `--record`,
    /// `kops check`). Throws when `path` needs a home folder and `home` is nil or empty.
    public static func expanding(_ path: String, home: String?) throws(HomeFolderError) -> String {
        if let user = otherUser(in: path) { throw HomeFolderError(path: path, otherUser: user) }
        guard let expanded = LocalPath.expandingHome(path, home: home) else { throw HomeFolderError(path: path) }
        return expanded
    }

    /// `NAME` when `path` starts `~NAME/` with a user-name-like NAME (letters, digits, `.`, `_`, `-`): how `sh` names
    /// that user's home folder.
    static func otherUser(in path: String) -> String? {
        guard path.utf8.first == UInt8(ascii: "~"), let slash = path.firstIndex(of: "/") else { return nil }
        let name = path[path.index(after: path.startIndex)..<slash]
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) })
        else { return nil }
        return String(name)
    }
}
