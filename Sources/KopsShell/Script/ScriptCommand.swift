/// A command about the script itself (`set`, `assert`, `capture`, `source`, `record`): it leaves the last
/// result in place, so `assert` and `capture` keep reading the command before them.
public protocol ScriptCommand: Command {}

extension ScriptCommand {
    public static var keepsLastResult: Bool { false }
}
