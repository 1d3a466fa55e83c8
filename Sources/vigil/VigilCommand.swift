import ArgumentParser

/// The root of the command tree. Subcommands mirror the contract in the design
/// document; every one of them exists here so that `vigil --help` is complete.
struct VigilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Watch feeds for reputation attacks on the people you care about.",
        version: VigilVersion.string,
        subcommands: [
            InitCommand.self,
            RunCommand.self,
            PollCommand.self,
            DemoCommand.self,
            WatchCommand.self,
            FeedsCommand.self,
            FindingsCommand.self,
            ScanCommand.self,
            DigestCommand.self,
            TrainCommand.self,
            EvalCommand.self,
            ParseCommand.self,
            StatusCommand.self,
            AlertsCommand.self,
            DoctorCommand.self,
            BackupCommand.self,
        ]
    )
}
