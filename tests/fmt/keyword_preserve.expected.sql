-- fmt: keyword-case=preserve
Select key, Value From t Where key Is Not Null;
