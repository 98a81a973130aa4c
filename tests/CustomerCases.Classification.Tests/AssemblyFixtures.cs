[assembly: Xunit.AssemblyFixture(typeof(CustomerCases.Classification.Tests.SyntheticModelFixture))]
[assembly: Xunit.AssemblyFixture(typeof(CustomerCases.Classification.Tests.StarterModelFixture))]
