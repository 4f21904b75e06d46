internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

extension ShellContext {
    /// Looks the API key up (once) and hands it to the client; throws the one-line reason when there is none.
    public func needsKey() throws {
        if let configProblem {
            // Nothing is sent, but a key given as a value or a variable is read all the same, so `state` says it is set
            // (probe27 P27-1: "not set" while KAPSO_API_KEY was exported).
            if case .command = keyOrigin {} else { try? lookUpKey() }
            throw ConfigError.brokenFile(problem: configProblem, profile: nil)
        }
        if let startProblem {
            // Nothing is sent, but a key given as a value or a variable is read all the same, so `state` says it is set
            // (a key command, maybe a password manager's prompt, is not run for a request that cannot be sent).
            if case .command = keyOrigin { throw startProblem }
            try? lookUpKey()
            throw startProblem
        }
        try lookUpKey()
    }

    /// Looks the API key up (once) and hands it to the client.
    private func lookUpKey() throws {
        guard !keyInHand else { return }
        let found: (key: Secret, source: Settings.Source)
        do {
            found = try keyOrigin.lookUp(
                environment: environment, profiles: config.profiles.map(\.name), runKeyCommand: runKeyCommand)
        } catch CredentialError.noKey(let profile, let profiles, _, _) {
            keyWasMissing = true
            throw CredentialError.noKey(
                profile: profile, profiles: profiles, defaultProfile: config.defaultProfile, inShell: isInteractive)
        }
        client.apiKey = found.key
        shell?.redactor.knownSecrets.append(found.key)
        session.sources["key"] = found.source.description
        keyInHand = true
    }

    /// Starts using `origin` for the key; nothing is read until a command needs it.
    public func useKey(from origin: KeyOrigin) {
        keyOrigin = origin
        keyInHand = false
        if case .keyInName(let pasted, _) = origin { shell?.redactor.knownSecrets.append(pasted) }
        session.sources["key"] = origin.source?.description
        // A value or a variable is read now, so `state` can say whether it is set; a command waits for a request.
        if case .command = origin { return }
        // Read ahead for `state`, not for a command: no key found here is none a command missed (`keyWasMissing`).
        let missing = keyWasMissing
        try? needsKey()
        keyWasMissing = missing
    }

    /// Why the key in hand or in its variable cannot be sent (`APIKeyShape`), for `state`; nil when it can or is unset.
    var keyShapeProblem: APIKeyShape.Problem? {
        switch keyOrigin {
        case .value(let key, _): APIKeyShape.problem(in: key.revealed)
        case .variable(let name, _): environment[name].flatMap { $0.isEmpty ? nil : APIKeyShape.problem(in: $0) }
        default: nil
        }
    }
}

extension ShellContext {
    /// What a 401 adds when the rejected key is the environment's `KAPSO_API_KEY` while the profile in use has a key
    /// of its own (`Settings.unusedOwnKey`; tester51b F6); nil otherwise.
    var unusedOwnKey: String? {
        guard session.sources["key"] == Settings.Source.environment("KAPSO_API_KEY").description,
            let profile = config.profile(named: session.profile)
        else { return nil }
        return Settings.unusedOwnKey(of: profile, environment: environment)
    }
}
