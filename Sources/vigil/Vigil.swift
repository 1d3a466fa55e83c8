import ArgumentParser

/// The root of the command tree. Subcommands mirror the contract in the design
/// document; every one of them exists here so that `vigil --help` is complete.
/// Each is declared in an extension of its parent (`Vigil.Feeds.Add` is
/// `vigil feeds add`), in a file named after both.
@main
struct Vigil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch feeds for reputation attacks on the people you care about.",
        version: VigilVersion.string,
        subcommands: [
            Init.self,
            Run.self,
            Poll.self,
            Demo.self,
            Watch.self,
            Feeds.self,
            GitHub.self,
            Findings.self,
            Scan.self,
            Digest.self,
            Train.self,
            Eval.self,
            Parse.self,
            Status.self,
            Alerts.self,
            Doctor.self,
            Backup.self,
            Migrate.self,
            Serve.self,
            Users.self,
        ]
    )
}
