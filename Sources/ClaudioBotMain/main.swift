import ClaudioBot
await ClaudioCommand.main()
