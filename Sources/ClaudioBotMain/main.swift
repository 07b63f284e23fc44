import ClaudioBot

await ClaudioCommand.runMain()
