using CustomerCases.Api.Triage;

namespace CustomerCases.Api.Tests.Triage;

public sealed class LowPriorityWorkTests
{
    [Fact]
    public async Task Work_RunsOnAThreadWithARaisedNiceValue_AndReturnsItsResult()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "nice values are Linux-only");
        var callerNice = LowPriorityWork.CurrentNice();

        var (nice, threadName) = await LowPriorityWork.RunAsync(() => (LowPriorityWork.CurrentNice(), Thread.CurrentThread.Name), "test-work");

        Assert.True(nice >= LowPriorityWork.Nice, $"nice {nice}");
        Assert.Equal("test-work", threadName);
        Assert.Equal(callerNice, LowPriorityWork.CurrentNice()); // the caller keeps its priority
    }

    [Fact]
    public async Task Work_Exception_ReachesTheCaller()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => LowPriorityWork.RunAsync<int>(() => throw new InvalidOperationException("boom"), "test-work"));
    }
}
