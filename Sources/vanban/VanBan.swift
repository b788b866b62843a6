import ArgumentParser

@main
struct VanBan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Turn Vietnamese administrative plans (Kế hoạch, Quyết định) into structured data.",
        subcommands: [Parse.self]
    )
}
