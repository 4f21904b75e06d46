internal import KapsoClient
internal import KapsoDiagnostics

extension IDLookups {
    /// What `id` (as it stands in an API path) is, found as `whois` finds it: every look-up at once, then the
    /// health reports when nothing else knew it (Meta's business and app ids). Nil when it cannot be read as an id
    /// or no key is at hand.
    static func identify(_ id: String, in context: ShellContext) -> Identity? {
        guard case .success(let input) = IDInput.read(id), (try? context.needsKey()) != nil else { return nil }
        let typed: String
        if case .wamid(let wamid, _) = input { typed = wamid } else { typed = IDInput.cleaned(id) }
        let uuid: String?
        if case .uuid(let value) = input { uuid = value } else { uuid = nil }
        var (facts, _) = fetch(IDResolver.lookups(for: input), client: context.client, id: uuid, own: context.ownLookups)
        var identity = IDResolver.resolve(input, typed: typed, facts: facts)
        let health = IDResolver.healthLookups(for: input, after: identity, facts: facts)
        if !health.isEmpty {
            let (read, _) = fetch(health, client: context.client, own: context.ownLookups)
            facts.healths = read.healths
            facts.unchecked += read.unchecked
            facts.failed += read.failed
            identity = IDResolver.resolve(input, typed: typed, facts: facts)
        }
        return identity
    }
}
