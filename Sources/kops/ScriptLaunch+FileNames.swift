import KopsShell

extension ScriptLaunch {
    /// The file name of `kops run|check` (or its `--record`) that is empty or only white space, as the shell's `record`
    /// refuses one (probe38 P38-15: `record "   "` made a file named three spaces); nil when each names something.
    func blankFileName() -> ShellError? {
        guard let verb = words.first, words.count == 2 else { return nil }
        let usage = verb == "run" ? "kops run FILE.kops [--var NAME=VALUE]... [--allow-writes] [--record OUT.md]" : "kops check FILE.md [--update]"
        let files: [(flag: String?, value: String?)] = [(nil, words[1]), ("--record", record)]
        for (flag, value) in files where value?.allSatisfy(\.isWhitespace) == true {
            return .blankFileName(command: "kops \(verb)", flag: flag, value: value ?? "", usage: usage)
        }
        return nil
    }
}
