internal import KapsoClient
internal import KapsoDiagnostics

extension IDLookups {
    /// What `id` (as it stands in an API path) is, found as `whois` finds it: every look-up at once, then the
    /// health reports when nothing else knew it (Meta's business and app ids). Nil when it cannot be read as an id
    /// or no key is at hand. `healths` are reports already read (`FailureFetch` reads them once for all its ids);
    /// those read here are added to them.
    static func identify(_ id: String, in context: ShellContext, healths: inout [(phoneNumberID: String, report: PhoneNumberHealth)])
        -> Identity?
    {
        guard case .success(let input) = IDInput.read(id), (try? context.needsKey()) != nil else { return nil }
        let typed: String
        if case .wamid(let wamid, _) = input { typed = wamid } else { typed = IDInput.cleaned(id) }
        let uuid: String?
        if case .uuid(let value) = input { uuid = value } else { uuid = nil }
        var (facts, _) = fetch(IDResolver.lookups(for: input), client: context.client, id: uuid, own: context.ownLookups)
        var identity = IDResolver.resolve(input, typed: typed, facts: facts)
        if !IDResolver.healthLookups(for: input, after: identity, facts: facts).isEmpty {
            facts.healths = healths
            identity = readHealth(input, typed: typed, facts: &facts, in: context).identity
            healths = facts.healths
        }
        return followingMove(identity, input: input, typed: typed, facts: &facts, in: context)
    }

    /// `identity` again once the windows of a contact who left its number are read (`IDResolver.contactMove`), as
    /// `reply`, `trace` and `errors` read them: the move followed to the new number, and whether they wrote from the old
    /// one since. Every command that names a contact number reads it so (probe43 P43-17: `use +CONTACT` said "no longer
    /// theirs" from the notices alone, while `whois` and `reply` saw the contact writing from it after the notice). A read
    /// that fails leaves the notices' reading; `identity` unchanged when no move is named.
    static func followingMove(_ identity: Identity, input: IDInput, typed: String, facts: inout IDResolver.Facts,
                              in context: ShellContext) -> Identity {
        guard let move = IDResolver.contactMove(identity, facts: facts) else { return identity }
        let windows = move.phoneNumberIDs.prefix(3).compactMap { line in
            try? ContactWindowLookup.load(
                phoneNumberID: line, contact: move.contact, known: [],
                listedConversations: facts.conversations.filter { $0.phoneNumberID == line }, in: context)
        }
        guard !windows.isEmpty else { return identity }
        facts.contactWindows = windows
        return IDResolver.resolve(input, typed: typed, facts: facts)
    }

    /// Reads health reports for `input`, round by round, while `IDResolver.healthLookups` asks for more (a WABA whose
    /// reports so far name no Meta business or app id gets its next number read, probe17 P17-3), resolving after each
    /// round: the identity, and the errors of the reads that failed. Reports already in `facts.healths` are not read again.
    static func readHealth(_ input: IDInput, typed: String, facts: inout IDResolver.Facts, in context: ShellContext)
        -> (identity: Identity, errors: [any KopsError])
    {
        var identity = IDResolver.resolve(input, typed: typed, facts: facts)
        var errors: [any KopsError] = []
        while case let health = IDResolver.healthLookups(for: input, after: identity, facts: facts), !health.isEmpty {
            let (read, failed) = fetch(health, client: context.client, own: context.ownLookups)
            facts.healths += read.healths
            facts.unchecked += read.unchecked
            facts.failed += read.failed
            errors += failed
            identity = IDResolver.resolve(input, typed: typed, facts: facts)
        }
        return (identity, errors)
    }

    /// Reads health reports into `facts` until each WABA of `facts.numbers` has its Meta business and app ids named, or
    /// the reads run out (`IDResolver.nextHealthReads`); a read that fails is named in `facts.unchecked`.
    static func readMetaIDs(_ facts: inout IDResolver.Facts, in context: ShellContext) {
        while case let health = IDResolver.nextHealthReads(facts), !health.isEmpty {
            let (read, _) = fetch(health, client: context.client, own: context.ownLookups)
            facts.healths += read.healths
            facts.unchecked += read.unchecked
            facts.failed += read.failed
        }
    }
}
