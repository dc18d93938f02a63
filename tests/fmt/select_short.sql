select a,b from t where x=1
