namespace RedMvc.Domain.Notes;

public enum NoteVisibility { Public = 0, OnlyMe = 1, MutualFollowers = 2 }

public enum NoteStatus { Draft = 0, Scheduled = 1, Published = 2, Deleted = 3 }

/// <summary>A photo is Pending until the pipeline job made its sizes, then Ready, or Failed with a reason.</summary>
public enum PhotoStatus { Pending = 0, Ready = 1, Failed = 2 }
