using Marketplace.Users.Tests.Support;

[assembly: AssemblyFixture(typeof(UsersApp))]
