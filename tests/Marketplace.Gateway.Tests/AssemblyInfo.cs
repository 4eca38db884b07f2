using Marketplace.Gateway.Tests.Support;

[assembly: AssemblyFixture(typeof(SharedGateway))]
