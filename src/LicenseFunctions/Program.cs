using Backend.Functions.Worker;
using Backend.LicenseFunctions;
using Microsoft.Azure.Functions.Worker.Builder;

return FunctionAppStartup.Run(() => LicenseApp.Configure(FunctionsApplication.CreateBuilder(args)));
