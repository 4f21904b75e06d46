/// A path that starts with `~` (the home folder) while no home folder is known: HOME unset or empty, and no passwd
/// entry gave one (`ProcessEnvironment.withHome`). Said instead of writing a folder literally named `~` (probe34 P34-11).
public struct HomeFolderError: KopsError, Equatable {
    /// The path as typed, e.g. `~/notes.md`.
    public var path: String

    public var message: String {
        "'\(VisibleText.escaped(Shortened.text(path)))' starts with '~', the home folder, but HOME is not set and this "
            + "user has no home folder; give the full path, or set HOME"
    }

    public var exitStatus: ExitStatus { .usage }

    /// `path` with a leading `~` or `~/` read as `home` (`LocalPath.expandingHome`): the one rule for every path kops
    /// takes (`record`, `bundle`, `listen --save`, `replay`, `verify --file`, `source`, `kops run`, `--record`,
    /// `kops check`). Throws when `path` needs a home folder and `home` is nil or empty.
    public static func expanding(_ path: String, home: String?) throws(HomeFolderError) -> String {
        guard let expanded = LocalPath.expandingHome(path, home: home) else { throw HomeFolderError(path: path) }
        return expanded
    }
}
