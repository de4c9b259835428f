using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests;

public class BoardRulesTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Theory]
    [InlineData("一二三四五六七八九十一二", true)]
    [InlineData("一二三四五六七八九十一二三", false)]
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀", true)] // an emoji counts as one character
    [InlineData("   ", false)]
    public void A_board_name_holds_one_to_twelve_characters(string name, bool ok)
    {
        var make = () => Board.Create("ann", name, isPrivate: false, Now);
        if (ok) Assert.Equal(name, make().Name); else Assert.Throws<NoteRuleException>(make);
    }

    [Fact]
    public void A_refused_rename_keeps_the_old_name()
    {
        var board = Board.Create("ann", "旅行", isPrivate: false, Now);
        Assert.Throws<NoteRuleException>(() => board.Rename(new string('长', 13)));
        Assert.Equal("旅行", board.Name);
    }

    [Fact]
    public void The_default_board_is_neither_renamed_nor_deleted_but_other_boards_may_be()
    {
        var defaultBoard = Board.DefaultFor("ann", Now);
        Assert.Equal("Board.Error.Default", Assert.Throws<NoteRuleException>(() => defaultBoard.Rename("新名字")).Key);
        Assert.Equal("Board.Error.Default", Assert.Throws<NoteRuleException>(defaultBoard.EnsureCanBeDeleted).Key);
        Board.Create("ann", "旅行", isPrivate: false, Now).EnsureCanBeDeleted();
    }

    [Fact]
    public void A_private_board_is_seen_only_by_its_owner()
    {
        var board = Board.Create("ann", "秘密", isPrivate: true, Now);
        Assert.True(board.IsVisibleTo("ann"));
        Assert.False(board.IsVisibleTo("bo"));
        Assert.False(board.IsVisibleTo(null));
        board.SetPrivate(false);
        Assert.True(board.IsVisibleTo(null));
    }
}
