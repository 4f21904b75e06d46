/// What `state` and `profile show` say while the profile kops started with is not in config.toml
/// (`StartProblem.missingProfileSource`: a `default_profile` mistyped or removed by hand, a `KOPS_PROFILE` naming
/// none): the session then holds kops's defaults, no profile's, and no request is sent until the file is fixed or
/// `profile use NAME` picks one. tester58b AE5: `state` showed `api: https://api.kapso.ai (default)`, `profile:
/// default` and advised `profile add`, as if nothing were wrong, while every request was refused.
enum MissingProfile {
    /// `fields` with the rows of a missing profile in place of `api`, `profile` and `key`, and a `problem` row with the
    /// start's own line (`StartProblem.message`); as they are for any other start problem, or none.
    static func fields(_ fields: [Field], problem: StartProblem?, session: Session, keyInHand: Bool) -> [Field] {
        guard let problem, let source = problem.missingProfileSource else { return fields }
        let missing = "the profile \(source) names is not in config.toml"
        let api =
            if let typed = session.sources["api"], typed != Settings.Source.defaultValue.description {
                "\(session.baseURL)  (\(typed)); unused while \(missing)"
            } else {
                "none: \(missing)"
            }
        return UnknownSettings(
            api: api, profile: "none: \(missing)", key: "unknown: it is the missing profile's setting",
            after: Field("problem", problem.message)
        ).replacing(in: fields, keyInHand: keyInHand)
    }
}
