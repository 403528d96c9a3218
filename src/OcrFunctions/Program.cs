using Backend.Functions.Worker;
using Backend.OcrFunctions;
using Microsoft.Azure.Functions.Worker.Builder;

return FunctionAppStartup.Run(() => OcrApp.Configure(FunctionsApplication.CreateBuilder(args)));
