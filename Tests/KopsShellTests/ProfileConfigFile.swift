import Foundation
import KopsShell

extension Shell {
    /// Writes `toml` as `folder`/config.toml and makes it this shell's configuration file, loaded: the set-up of the
    /// tests of `profile use` against a profile that names the simulator (tester51b F6, tester52b K21).
    func loadConfig(_ toml: String, in folder: String) throws {
        let file = ConfigFile(path: folder + "/config.toml")
        try Data(toml.utf8).write(to: URL(fileURLWithPath: file.path))
        context.configFile = file
        context.config = try file.load()
    }
}
